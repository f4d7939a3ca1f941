using GanEstimators.Native;

namespace GanEstimators.Tests.Native;

/// <summary>
/// libtorch's float convolution gradients on this machine's CPU, as the image networks get them. On an AMD EPYC with
/// AVX-512 they were wrong (relative error 0.65-1.1, sometimes NaN) until the library capped oneDNN's kernels.
/// </summary>
[TestClass]
public sealed class ConvolutionKernelTests
{
    [TestMethod]
    public void ConvolutionGradientsAgreeWithDoublePrecision()
    {
        _ = new Microsoft.ML.MLContext(1).Gan();   // loads the library, as any user does before training

        Assert.IsLessThan(ConvolutionGradientCheck.Tolerance, ConvolutionGradientCheck.MeasureRelativeError(),
            $"processor {OneDnnInstructionSet.ProcessorVendor()}, {OneDnnInstructionSet.Variable}={Environment.GetEnvironmentVariable(OneDnnInstructionSet.Variable) ?? "unset"}");
    }

    [TestMethod]
    [DataRow("AuthenticAMD", true, null, null, true)]
    [DataRow("AuthenticAMD", true, "", null, true)]
    [DataRow("AuthenticAMD", false, null, null, false)]
    [DataRow("GenuineIntel", true, null, null, false)]
    [DataRow("AuthenticAMD", true, "AVX512_CORE", null, false)]
    [DataRow("AuthenticAMD", true, null, "AVX2", false)]
    public void OnlyAnAmdProcessorWithAvx512IsCappedAndAUserValueIsKept(string vendor, bool avx512, string? user, string? legacy, bool capped) =>
        Assert.AreEqual(capped, OneDnnInstructionSet.ShouldCap(vendor, avx512, user, legacy));
}

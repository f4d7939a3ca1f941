using GanEstimators.Augmentation;
using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Augmentation;

[TestClass]
public sealed class AugmentationOptionsTests
{
    private static GanSampler? _unconditional;

    private static GanSampler Unconditional => _unconditional ??= RingTraining.Fit(RingTraining.Options(GanLoss.LeastSquares, epochs: 1), rows: 200);

    private static TException Fails<TException>(GanAugmentationOptions options, GanSampler? sampler = null, IDataView? data = null) where TException : Exception
    {
        var ml = new MLContext(1);
        return Assert.ThrowsExactly<TException>(() => ml.Gan().Augment(data ?? ImbalancedRing.Load(ml), sampler ?? ImbalancedRing.Sampler, options));
    }

    [TestMethod]
    public void NeitherOrBothModesNameBothOptions()
    {
        foreach (var options in new[]
        {
            new GanAugmentationOptions(),
            new GanAugmentationOptions { SyntheticRowCount = 5, BalanceColumnName = "Mode" },
        })
        {
            var error = Fails<ArgumentException>(options);
            StringAssert.Contains(error.Message, nameof(GanAugmentationOptions.SyntheticRowCount));
            StringAssert.Contains(error.Message, nameof(GanAugmentationOptions.BalanceColumnName));
        }
    }

    [TestMethod]
    public void ANegativeCountOrChunkSizeIsNamed()
    {
        Assert.AreEqual(nameof(GanAugmentationOptions.SyntheticRowCount), Fails<ArgumentOutOfRangeException>(new GanAugmentationOptions { SyntheticRowCount = -1 }).ParamName);
        Assert.AreEqual(nameof(GanAugmentationOptions.ChunkSize), Fails<ArgumentOutOfRangeException>(new GanAugmentationOptions { SyntheticRowCount = 1, ChunkSize = 0 }).ParamName);
    }

    [TestMethod]
    public void ABalanceRatioOutsideZeroToOneOrWithoutBalancingIsNamed()
    {
        foreach (var ratio in new[] { 0, -0.5, 1.5, double.NaN })
            Assert.AreEqual(nameof(GanAugmentationOptions.BalanceRatio),
                Fails<ArgumentOutOfRangeException>(new GanAugmentationOptions { BalanceColumnName = "Mode", BalanceRatio = ratio }).ParamName, $"ratio {ratio}");
        var withCount = Fails<ArgumentException>(new GanAugmentationOptions { SyntheticRowCount = 5, BalanceRatio = 0.5 });
        Assert.AreEqual(nameof(GanAugmentationOptions.BalanceRatio), withCount.ParamName);
        StringAssert.Contains(withCount.Message, nameof(GanAugmentationOptions.BalanceColumnName));
    }

    [TestMethod]
    public void BalancingAColumnTheSamplerCannotConditionOnNamesTheColumnItCan()
    {
        var error = Fails<ArgumentException>(new GanAugmentationOptions { BalanceColumnName = "X" });
        StringAssert.Contains(error.Message, "'X'");
        StringAssert.Contains(error.Message, "'Mode'");

        var ml = new MLContext(1);
        var unconditional = Fails<ArgumentException>(new GanAugmentationOptions { BalanceColumnName = "Mode" }, Unconditional, RingOfGaussians.Load(ml, 100));
        StringAssert.Contains(unconditional.Message, "no condition column and no categorical features");
    }

    [TestMethod]
    public void AClassTheSamplerNeverSawIsNamedBeforeAnythingIsRead()
    {
        var ml = new MLContext(1);
        var withNewClass = ml.Data.LoadFromEnumerable(ImbalancedRing.Points().Append(new RingPoint { X = 0, Y = 2, Mode = "m5" }));
        var error = Fails<ArgumentException>(new GanAugmentationOptions { BalanceColumnName = "Mode" }, data: withNewClass);
        StringAssert.Contains(error.Message, "'m5'");
    }
}

using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A saved model is loaded as untrusted input: damage to any stream (with a valid zip CRC or not), weights edited to NaN
/// or 1e30, encoder entries and size fields edited (int.MaxValue, −1, a hidden width of 20,000) each end in a clear
/// <see cref="InvalidDataException"/> naming the zip entry, quickly and without allocating what the edited sizes claim.
/// Edits "behind the hash" recompute the model's SHA-256 block as a forger would, to reach the checks behind it.
/// A damaged optional training state still loads for sampling, with a warning.
/// </summary>
[TestClass]
public sealed class ModelIntegrityTests
{
    private static string _model = "";
    private static string _folder = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        _folder = Directory.CreateDirectory(Path.Combine(context.TestRunResultsDirectory ?? Path.GetTempPath(), nameof(ModelIntegrityTests))).FullName;
        var ml = new MLContext(1);
        var data = SmallTable.Load(ml);
        using var sampler = ml.Gan().Trainer(Options()).Fit(data);
        _model = Path.Combine(_folder, "intact.zip");
        ml.Model.Save(sampler, data.Schema, _model);
    }

    private static GanTrainer.Options Options()
    {
        var options = SmallTable.Options(epochs: 1);
        options.Architecture = GanArchitecture.Mlp;
        options.Mlp.GeneratorHiddenSizes = new[] { 23, 19 };
        return options;
    }

    private ModelZip Copy() => ModelZip.CopyOf(_model, _folder, TestContext.TestName + ".zip");

    [TestMethod]
    public void AnIntactModelLoadsWithoutWarningsAndSamples()
    {
        var (sampler, warnings) = Load(_model);
        using (sampler)
        {
            Assert.HasCount(0, warnings, string.Join("\n", warnings));
            Assert.IsTrue(sampler.CanResumeTraining);
            Assert.AreEqual(5L, sampler.Sample(5, seed: 1).GetRowCount() ?? 5L);
        }
    }

    [TestMethod]
    public void AFlippedByteInTheGeneratorWeightsIsCaughtByItsHash()
    {
        var zip = Copy();
        zip.Edit("Generator.bin", bytes => bytes[bytes.Length / 2] ^= 0x10);

        AssertFails(zip, "Generator.bin", "SHA-256");
    }

    [TestMethod]
    public void AFlippedByteInTheZipWithoutFixingItsCrcIsCaught()
    {
        var zip = Copy();
        var name = System.Text.Encoding.ASCII.GetBytes(zip.EntryName("Generator.bin"));
        var file = File.ReadAllBytes(zip.Path);
        var nameAt = file.AsSpan().IndexOf(name);
        var dataAt = nameAt + name.Length + BitConverter.ToUInt16(file, nameAt - 2);
        file[dataAt + 200] ^= 0x55;
        File.WriteAllBytes(zip.Path, file);

        AssertFails(zip, "Generator.bin", "");
    }

    [TestMethod]
    public void ATruncatedGeneratorIsCaughtByItsHashAndBehindIt()
    {
        var zip = Copy();
        zip.Write("Generator.bin", zip.Read("Generator.bin")[..4000]);
        AssertFails(zip, "Generator.bin", "SHA-256");

        zip.Rehash();
        AssertFails(zip, "Generator.bin", "truncated");
    }

    [TestMethod]
    [DataRow(float.NaN, "NaN")]
    [DataRow(1e30f * 10, "E+3")]
    [DataRow(float.NegativeInfinity, "-Infinity")]
    public void AWeightThatIsNotFiniteIsCaughtBehindTheHash(float value, string shown)
    {
        var zip = Copy();
        zip.Edit("Generator.bin", bytes => BitConverter.GetBytes(value).CopyTo(bytes, ModelZip.FirstFloatWeight(bytes)));
        zip.Rehash();

        var error = AssertFails(zip, "Generator.bin", "finite");
        StringAssert.Contains(error.Message, shown);
    }

    [TestMethod]
    public void AnEditedEncoderEntryIsCaughtByTheModelHash()
    {
        var zip = Copy();
        var content = zip.ContentOffset();
        zip.Edit("Model.key", bytes => bytes[content + 40] ^= 0x01);

        AssertFails(zip, "Model.key", "SHA-256");
    }

    [TestMethod]
    public void AModelWrittenInANewerFormatThanItClaimsToNeedIsRefused()
    {
        // ML.NET refuses a file only by the version it says it needs to be read; a written version beyond this code's,
        // with that claim edited down, would be parsed by today's layout.
        var zip = Copy();
        zip.Edit("Model.key", bytes => BitConverter.GetBytes(0x0001FFFFu).CopyTo(bytes, bytes.AsSpan().IndexOf("GANSAMPL"u8) + 8));

        AssertFails(zip, "Model.key", "format 0x0001FFFF");
    }

    [TestMethod]
    [DataRow(int.MaxValue)]
    [DataRow(-1)]
    [DataRow(0)]
    [DataRow(20_000_000)]
    public void AnEditedColumnCountIsRejectedBeforeAnythingIsAllocated(int count)
    {
        var zip = Copy();
        var content = zip.ContentOffset();
        zip.Edit("Model.key", bytes => BitConverter.GetBytes(count).CopyTo(bytes, content + 4));
        zip.Rehash();

        AssertFails(zip, "Model.key", "number of feature columns");
    }

    [TestMethod]
    [DataRow(8_000, "needs at least")]
    [DataRow(20_000, "hidden layer width")]
    [DataRow(int.MaxValue, "hidden layer width")]
    [DataRow(-1, "hidden layer width")]
    [DataRow(22, "shape")]
    public void AnEditedHiddenWidthIsRejectedBeforeTheNetworkIsBuilt(int width, string expected)
    {
        var zip = Copy();
        zip.Edit("Model.key", bytes => BitConverter.GetBytes(width).CopyTo(bytes, ModelZip.Find(bytes, 2, 23, 19) + 4));
        zip.Rehash();

        AssertFails(zip, expected == "shape" ? "Generator.bin" : "Model.key", expected);
    }

    [TestMethod]
    [DataRow(4_000, "needs at least")]
    [DataRow(20_000, "noise dimension")]
    [DataRow(int.MaxValue, "noise dimension")]
    public void AnEditedNoiseDimensionIsRejectedBeforeTheNetworkIsBuilt(int noise, string expected)
    {
        var zip = Copy();
        zip.Edit("Model.key", bytes =>
        {
            var hidden = ModelZip.Find(bytes, 2, 23, 19);
            BitConverter.GetBytes(noise).CopyTo(bytes, hidden - 8);
        });
        zip.Rehash();

        AssertFails(zip, "Model.key", expected, alsoIn: "Generator.bin");
    }

    [TestMethod]
    public void AnEditedStringLengthIsRejected()
    {
        var zip = Copy();
        var content = zip.ContentOffset();
        zip.Edit("Model.key", bytes => bytes[content + 8] = 0x7F);
        zip.Rehash();

        AssertFails(zip, "Model.key", "");
    }

    [TestMethod]
    public void ADamagedTrainingStateStillLoadsForSamplingWithAWarning()
    {
        var zip = Copy();
        zip.Edit("TrainingState.bin", bytes => bytes[bytes.Length / 3] ^= 0x20);

        var (sampler, warnings) = Load(zip.Path);
        using (sampler)
        {
            Assert.IsFalse(sampler.CanResumeTraining);
            Assert.IsTrue(warnings.Any(w => w.Contains("TrainingState.bin") && w.Contains("cannot resume")), string.Join("\n", warnings));
            Assert.HasCount(20, new MLContext().Data.CreateEnumerable<SmallTable.Row>(sampler.Sample(20, seed: 3), reuseRowObject: false).ToList());
        }
    }

    [TestMethod]
    public void ATrainingStateEditedBehindTheHashOrRemovedStillLoadsForSamplingWithAWarning()
    {
        var zip = Copy();
        zip.Edit("TrainingState.bin", bytes => BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 4));
        zip.Rehash();
        var (edited, editedWarnings) = Load(zip.Path);
        using (edited) Assert.IsFalse(edited.CanResumeTraining, string.Join("\n", editedWarnings));
        Assert.IsTrue(editedWarnings.Any(w => w.Contains("TrainingState.bin")), string.Join("\n", editedWarnings));

        zip.Delete("TrainingState.bin");
        var (removed, removedWarnings) = Load(zip.Path);
        using (removed) Assert.IsFalse(removed.CanResumeTraining);
        Assert.IsTrue(removedWarnings.Any(w => w.Contains("TrainingState.bin") && w.Contains("missing")), string.Join("\n", removedWarnings));
    }

    [TestMethod]
    public void DiscriminatorWeightsRenamedBehindTheHashAreNamedWhenTrainingResumes()
    {
        // Loading checks only that the training state holds enough weights; their names meet the network on resume.
        var zip = Copy();
        zip.Edit("TrainingState.bin", bytes => bytes[bytes.AsSpan().IndexOf("weight"u8) + 5] = (byte)'X');
        zip.Rehash();
        var (sampler, _) = Load(zip.Path);
        using (sampler)
        {
            Assert.IsTrue(sampler.CanResumeTraining);
            var ml = new MLContext(1);
            var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Gan().Trainer(Options()).Fit(SmallTable.Load(ml), sampler));
            StringAssert.Contains(error.Message, "The discriminator weights of the sampler's training state (TrainingState.bin) do not fit");
        }
    }

    private static (GanSampler Sampler, List<string> Warnings) Load(string path)
    {
        var ml = new MLContext();
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message);
        };
        return ((GanSampler)ml.Model.Load(path, out _), warnings);
    }

    /// <summary>
    /// Loads through <c>MLContext.Model.Load</c>, as a user does, and checks what comes out: ML.NET invokes the loader
    /// by reflection, so the loader's exception arrives wrapped in TargetInvocationExceptions; the innermost one must be
    /// an InvalidDataException naming the entry. It must come quickly and without allocating what an edited size claims.
    /// </summary>
    internal static InvalidDataException AssertFails(ModelZip zip, string entry, string expected, string? alsoIn = null)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Exception? thrown = null;
        try
        {
            using var sampler = (GanSampler)new MLContext().Model.Load(zip.Path, out _);
        }
        catch (Exception e)
        {
            thrown = e;
        }
        clock.Stop();
        Console.WriteLine($"{thrown?.GetType().Name} → {(thrown?.InnerException?.InnerException ?? thrown?.InnerException ?? thrown)?.Message}");
        Assert.IsNotNull(thrown, "the damaged model loaded");
        var inner = thrown;
        while (inner is TargetInvocationException { InnerException: { } next }) inner = next;
        Assert.IsInstanceOfType<InvalidDataException>(inner, $"{thrown.GetType().Name} → {inner}");
        var named = inner.Message.Contains(entry) || (alsoIn is not null && inner.Message.Contains(alsoIn));
        Assert.IsTrue(named, $"the error names the entry '{entry}': {inner.Message}");
        StringAssert.Contains(inner.Message, expected);
        Assert.IsLessThan(10.0, clock.Elapsed.TotalSeconds, "the error comes at once");
        Assert.IsLessThan(64L << 20, GC.GetAllocatedBytesForCurrentThread() - allocated, "no large allocation before the error");
        return (InvalidDataException)inner;
    }
}

using System.Globalization;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// Models saved by earlier releases still load, and sample the rows they sampled when they were saved: the same
/// categories, numbers within <see cref="RecordedRows"/>' tolerance (the rows were recorded on another CPU, whose
/// kernels round differently; on one machine a saved model samples bit-identical rows, see SaveLoadTests).
/// <list type="bullet">
/// <item>Format 0x00010006 (before point masses and per-class category frequencies), written by commit afcf545 from a
/// conditional GAN on a small penguin table (Species → Island, Mass with missing values, Rain half zeros) with 16-wide
/// networks; its rows are 20 unrequested ones (seed 4), then 10 of class Gentoo (seed 5).</item>
/// <item>Format 0x00010007 (before the DCGAN networks' depths), written by commit 517bbc1 from a conditional DCGAN
/// (Hinge, spectral normalisation, generator average 0.9, PacSize 2, base 4 channels, 2 epochs, seed 3) on the 40
/// 8×8 <see cref="Glyph"/> rows; its rows are 6 of class "b" (seed 2). It must also resume training.</item>
/// </list>
/// </summary>
[TestClass]
public sealed class OlderModelFormatTests
{
    public sealed class Penguin
    {
        public string Species { get; set; } = "";
        public string Island { get; set; } = "";
        public float Mass { get; set; }
        public float Rain { get; set; }
    }

    public TestContext TestContext { get; set; } = null!;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", name);

    [TestMethod]
    public void AFormat6ModelLoadsAndSamplesTheRowsItSampledWhenSaved()
    {
        var ml = new MLContext();
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x00010006.zip"), out _);
        sampler.CalibrateCategories = false; // the rows were recorded before categorical draws were calibrated by default
        static string Line(Penguin p) => string.Join(",", p.Species, p.Island, p.Mass.ToString("R", CultureInfo.InvariantCulture), p.Rain.ToString("R", CultureInfo.InvariantCulture));
        var rows = ml.Data.CreateEnumerable<Penguin>(sampler.Sample(20, seed: 4), reuseRowObject: false).Select(Line)
            .Concat(ml.Data.CreateEnumerable<Penguin>(sampler.Sample(10, "Gentoo", seed: 5), reuseRowObject: false).Select(Line)).ToArray();
        RecordedRows.AssertClose(File.ReadAllLines(Fixture("format-0x00010006.samples.csv")), rows);
    }

    [TestMethod]
    public void AFormat7ImageModelLoadsSamplesItsRowsAndResumesTraining()
    {
        var ml = new MLContext(7);
        using var sampler = (GanSampler)ml.Model.Load(Fixture("format-0x00010007-image.zip"), out _);
        var rows = ml.Data.CreateEnumerable<Glyph>(sampler.Sample(6, "b", seed: 2), reuseRowObject: false)
            .Select(g => g.Label + "," + string.Join(" ", g.Pixels.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))).ToArray();
        var largest = RecordedRows.AssertClose(File.ReadAllLines(Fixture("format-0x00010007-image.samples.csv")), rows);
        TestContext.WriteLine($"largest pixel difference from the recorded rows: {largest:G3}");

        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 40).Select(Glyph.Row));
        var options = new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Glyph.Pixels) },
            ConditionColumnName = nameof(Glyph.Label),
            Architecture = GanArchitecture.Dcgan,
            Image =
            {
                Shape = new GanImageShape(1, 8, 8),
                BaseChannels = 4,
                SpectralNormalization = true,
            },
            NoiseDimension = 8,
            Loss = GanLoss.Hinge,
            GeneratorAverageDecay = 0.9,
            PacSize = 2,
            BatchSize = 8,
            Epochs = 1,
            Seed = 3,
            EnableDiagnostics = false,
        };
        using var resumed = ml.Gan().Trainer(options).Fit(data, resumeFrom: sampler);
        Assert.AreEqual(sampler.History.Epochs.Count + 1, resumed.History.Epochs.Count, "the old training state (a depth-1 discriminator) continues");
    }

    public sealed class Glyph
    {
        public string Label { get; set; } = "";

        [VectorType(64)]
        public float[] Pixels { get; set; } = Array.Empty<float>();

        public static Glyph Row(int i) => new()
        {
            Label = i % 2 == 0 ? "a" : "b",
            Pixels = Enumerable.Range(0, 64).Select(j => (i * 7 + j * 3) % 17 / 16f * (i % 2 == 0 ? 1f : 0.5f)).ToArray(),
        };
    }
}

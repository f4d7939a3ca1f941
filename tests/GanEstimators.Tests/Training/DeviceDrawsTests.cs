using GanEstimators.Conditioning;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Training;

/// <summary>
/// Device draws (the default on CUDA: noise, batch rows and training-by-sampling drawn by torch on the device, from a
/// stream reseeded from the training generator every epoch), forced here on the CPU through the internal switch, so
/// the path a GPU takes is checked on every machine. CPU training keeps host draws (the fingerprint shows it unchanged).
/// </summary>
[TestClass]
public sealed class DeviceDrawsTests
{
    public sealed class Penguin
    {
        public string Species { get; set; } = "";
        public string Island { get; set; } = "";
        public float Mass { get; set; }
    }

    private static IDataView Penguins(MLContext ml)
    {
        var random = new Random(5);
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, 400).Select(i => new Penguin
        {
            Species = i < 150 ? "Gentoo" : "Adelie",
            Island = i < 150 ? "Biscoe" : random.NextDouble() < 0.8 ? "Dream" : random.NextDouble() < 0.5 ? "Biscoe" : "Torgersen",
            Mass = (float)((i < 150 ? 5 : 3.7) + 0.4 * random.NextDouble()),
        }).ToArray());
    }

    // A categorical feature (conditional vector and condition loss) and a balanced condition column: every device path.
    private static GanTrainer.Options Options(RandomDraws draws, int epochs, int seed) => new()
    {
        FeatureColumnNames = new[] { nameof(Penguin.Island), nameof(Penguin.Mass) },
        ConditionColumnName = nameof(Penguin.Species),
        Epochs = epochs,
        BatchSize = 100,
        NoiseDimension = 8,
        DiscriminatorSteps = 1,
        Mlp = { GeneratorHiddenSizes = new[] { 32 }, DiscriminatorHiddenSizes = new[] { 32 } },
        Seed = seed,
        Draws = draws,
    };

    private static GanSampler Fit(RandomDraws draws, int seed, int epochs = 3, GanSampler? resumeFrom = null)
    {
        var ml = new MLContext(1);
        return ml.Gan().Trainer(Options(draws, epochs, seed)).Fit(Penguins(ml), resumeFrom);
    }

    private static GanEpochMetrics[] Epochs(GanSampler sampler) => sampler.History.Epochs.Select(e => e with { Seconds = 0 }).ToArray();

    [TestMethod]
    public void TheSameSeedGivesTheSameRunAndAnotherSeedADifferentOne()
    {
        using var first = Fit(RandomDraws.Device, seed: 3);
        using var again = Fit(RandomDraws.Device, seed: 3);
        using var other = Fit(RandomDraws.Device, seed: 4);

        CollectionAssert.AreEqual(Epochs(first), Epochs(again));
        CollectionAssert.AreEqual(first.Sample(100, seed: 1).GetColumn<float>("Mass").ToArray(), again.Sample(100, seed: 1).GetColumn<float>("Mass").ToArray());
        CollectionAssert.AreNotEqual(Epochs(first), Epochs(other));
    }

    [TestMethod]
    public void DeviceDrawsAreAnotherStreamThanHostDraws()
    {
        using var device = Fit(RandomDraws.Device, seed: 3);
        using var host = Fit(RandomDraws.Host, seed: 3);
        using var auto = Fit(RandomDraws.Auto, seed: 3);

        CollectionAssert.AreNotEqual(Epochs(device), Epochs(host), "the switch must change where the draws come from");
        CollectionAssert.AreEqual(Epochs(host), Epochs(auto), "on the CPU the default keeps the host draws");
    }

    [TestMethod]
    public void ResumingAtAnEpochBoundaryContinuesTheDeviceStream()
    {
        using var whole = Fit(RandomDraws.Device, seed: 3, epochs: 4);
        using var half = Fit(RandomDraws.Device, seed: 3, epochs: 2);
        using var resumed = Fit(RandomDraws.Device, seed: 3, epochs: 2, resumeFrom: half);

        CollectionAssert.AreEqual(Epochs(whole), Epochs(resumed));
    }

    [TestMethod]
    public void DeviceTrainingBySamplingDrawsAsTheHostDoes()
    {
        // Column 0: 3 slots with 3, 0 and 1 rows; the condition column (no vector slots): classes of rows {0, 3} and {1, 2}.
        var draws = new (int[][], double[])[]
        {
            (new[] { new[] { 0, 1, 2 }, Array.Empty<int>(), new[] { 3 } }, Cumulative(Math.Log(4), 0, Math.Log(2))),
            (new[] { new[] { 0, 3 }, new[] { 1, 2 } }, Cumulative(Math.Log(3), Math.Log(3))),
        };
        var vector = new ConditionalVector(new[]
        {
            new ConditionalVector.Column(5, 0, 3, Cumulative(3, 0, 1), null),
            new ConditionalVector.Column(-1, 3, 0, Cumulative(2, 2), null),
        });
        using var sampling = new DeviceTrainingBySampling(draws, vector, CPU);
        using var random = new Generator(7);
        const int count = 40_000;
        var (rows, drawnVector, columns, slots) = sampling.Draw(count, random);
        var r = rows.data<long>().ToArray();
        var c = columns.data<long>().ToArray();
        var s = slots.data<long>().ToArray();
        var v = drawnVector!.data<float>().ToArray();

        for (var i = 0; i < count; i++)
        {
            CollectionAssert.Contains(draws[c[i]].Item1[s[i]], (int)r[i], "the real row has the drawn slot");
            var set = v.Skip(i * 3).Take(3).ToArray();
            CollectionAssert.AreEqual(c[i] == 0 ? new float[] { s[i] == 0 ? 1 : 0, s[i] == 1 ? 1 : 0, s[i] == 2 ? 1 : 0 } : new float[3], set);
        }
        Assert.AreEqual(0.5, c.Count(x => x == 0) / (double)count, 0.01, "columns are drawn uniformly");
        var firstColumn = s.Where((_, i) => c[i] == 0).ToArray();
        Assert.AreEqual(0, firstColumn.Count(x => x == 1), "a slot without rows is never drawn");
        Assert.AreEqual(Math.Log(4) / (Math.Log(4) + Math.Log(2)), firstColumn.Count(x => x == 0) / (double)firstColumn.Length, 0.015, "slots by log-frequency");
        Assert.AreEqual(1 / 3.0, r.Where((_, i) => c[i] == 0 && s[i] == 0).Count(x => x == 1) / (double)firstColumn.Count(x => x == 0), 0.02, "rows uniformly within the slot");
    }

    [TestMethod]
    public void TheConditionLossIsTheSameFromDeviceTargets()
    {
        var vector = new ConditionalVector(new[]
        {
            new ConditionalVector.Column(1, 0, 3, Cumulative(1, 1, 1), null),
            new ConditionalVector.Column(4, 3, 2, Cumulative(1, 1), null),
            new ConditionalVector.Column(-1, 5, 0, Cumulative(1, 1), null),
        });
        using var random = new Generator(3);
        using var logits = randn(new long[] { 6, 7 }, generator: random);
        var columns = new[] { 0, 1, 2, 0, 1, 0 };
        var slots = new[] { 2, 1, 0, 0, 0, 1 };

        using var host = ConditionLoss.Compute(logits, new HostConditionTargets(columns, slots), vector)!;
        using var device = ConditionLoss.Compute(logits, new DeviceConditionTargets(tensor(columns.Select(x => (long)x).ToArray()), tensor(slots.Select(x => (long)x).ToArray())), vector)!;

        Assert.AreEqual(host.item<float>(), device.item<float>(), 1e-5);
    }

    private static double[] Cumulative(params double[] weights) => GanEstimators.Encoding.CumulativeWeights.Of(weights);
}

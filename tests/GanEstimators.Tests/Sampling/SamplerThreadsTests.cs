using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Sampling;

/// <summary>
/// GanSampler.NumberOfThreads sets libtorch's process-wide thread count while rows are generated; null is the library's
/// choice, as for training, and a count that differs from a running training's is refused rather than changed under it.
/// </summary>
[TestClass]
public sealed class SamplerThreadsTests
{
    private static GanSampler? _sampler;
    private int _before;

    private static GanSampler Sampler => _sampler ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 200);

    [TestInitialize]
    public void Remember() => _before = get_num_threads();

    [TestCleanup]
    public void Restore()
    {
        Sampler.NumberOfThreads = null;
        set_num_threads(_before);
    }

    [ClassCleanup]
    public static void Release() => _sampler?.Dispose();

    private static string Values(IDataView sample)
    {
        using var cursor = sample.GetRowCursor(sample.Schema);
        var x = cursor.GetGetter<float>(sample.Schema["X"]);
        var y = cursor.GetGetter<float>(sample.Schema["Y"]);
        var mode = cursor.GetGetter<ReadOnlyMemory<char>>(sample.Schema["Mode"]);
        float a = 0, b = 0;
        ReadOnlyMemory<char> m = default;
        var text = new System.Text.StringBuilder();
        while (cursor.MoveNext())
        {
            x(ref a);
            y(ref b);
            mode(ref m);
            text.Append(FormattableString.Invariant($"{a:R} {b:R} {m}\n"));
        }
        return text.ToString();
    }

    [TestMethod]
    public void AnExplicitCountIsSetWhileRowsAreGeneratedAndStaysAfter()
    {
        set_num_threads(2);
        Sampler.NumberOfThreads = 1;

        Values(Sampler.Sample(100, seed: 1));

        Assert.AreEqual(1, get_num_threads());
    }

    [TestMethod]
    public void TheLibrarysChoiceLowersTheCountButNeverRaisesOne()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) Assert.Inconclusive("OMP_NUM_THREADS is set, so the library leaves the count alone.");
        set_num_threads(Environment.ProcessorCount + 1);
        Values(Sampler.Sample(100, seed: 1));
        Assert.AreEqual(Math.Max(1, Environment.ProcessorCount - 1), get_num_threads());

        set_num_threads(1);
        Values(Sampler.Sample(100, seed: 1));
        Assert.AreEqual(1, get_num_threads(), "a smaller count the application set stays");
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameRowsWhateverTheCount()
    {
        Sampler.NumberOfThreads = 1;
        var one = Values(Sampler.Sample(5_000, seed: 3));
        Sampler.NumberOfThreads = 2;
        var two = Values(Sampler.Sample(5_000, seed: 3));
        Assert.AreEqual(2, get_num_threads());

        Assert.AreEqual(one, two);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-1)]
    public void ANonPositiveCountIsRefusedByName(int threads)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sampler.NumberOfThreads = threads);

        Assert.AreEqual(nameof(GanSampler.NumberOfThreads), error.ParamName);
        StringAssert.Contains(error.Message, "GanSampler.NumberOfThreads must be between 1 and");
        Assert.IsNull(Sampler.NumberOfThreads, "a refused count is not kept");
    }

    [TestMethod]
    public void FarMoreThreadsThanProcessorsAreRefused()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sampler.NumberOfThreads = 4 * Environment.ProcessorCount + 1);

        StringAssert.Contains(error.Message, $"between 1 and {4 * Environment.ProcessorCount}");
    }

    [TestMethod]
    public void SamplingWhileATrainingRunsSharesItsCountOrIsRefusedAnother()
    {
        var training = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        training.NumberOfThreads = 1;
        InvalidOperationException? refused = null;
        var sharedThreads = 0;
        var ml = new MLContext(1);
        // Sampling from the training's progress callback runs while the training holds the count: no timing involved.
        training.ProgressCallback = _ =>
        {
            Sampler.NumberOfThreads = 2;
            refused = Assert.ThrowsExactly<InvalidOperationException>(() => Values(Sampler.Sample(10, seed: 1)));
            Sampler.NumberOfThreads = null;
            Values(Sampler.Sample(10, seed: 1));
            sharedThreads = get_num_threads();
        };

        ml.Gan().Trainer(training).Fit(RingOfGaussians.Load(ml, 200)).Dispose();

        StringAssert.Contains(refused!.Message, "GanSampler.NumberOfThreads is 2");
        StringAssert.Contains(refused.Message, "running with 1 libtorch threads");
        Assert.AreEqual(1, sharedThreads, "a sampler that leaves NumberOfThreads null shares the running count");
    }

    [TestMethod]
    public void AnotherThreadSamplingWithTheRunningCountIsNotRefused()
    {
        // libtorch keeps its count per thread (OpenMP's): a thread that ran libtorch before the training set its count
        // still reads its old count, which must not make the same count as the running one look like another.
        set_num_threads(2);
        using var go = new ManualResetEventSlim();
        Exception? failure = null;
        var otherThreadCount = 0;
        var other = new Thread(() =>
        {
            try
            {
                _ = get_num_threads();   // this thread's libtorch starts at 2
                go.Wait();
                Sampler.NumberOfThreads = 1;
                Values(Sampler.Sample(10, seed: 1));
                otherThreadCount = get_num_threads();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        other.Start();
        var training = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        training.NumberOfThreads = 1;
        training.ProgressCallback = _ =>
        {
            go.Set();
            other.Join();
        };
        var ml = new MLContext(1);

        ml.Gan().Trainer(training).Fit(RingOfGaussians.Load(ml, 200)).Dispose();

        Assert.IsNull(failure, failure?.ToString());
        Assert.AreEqual(1, otherThreadCount, "the sampling thread generated with the held count");
    }
}

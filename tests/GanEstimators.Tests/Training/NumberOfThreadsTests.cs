using GanEstimators.Tests.Support;
using Microsoft.ML;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Training;

/// <summary>Options.NumberOfThreads sets libtorch's process-wide thread count; null is the library's choice.</summary>
[TestClass]
public sealed class NumberOfThreadsTests
{
    private int _before;

    [TestInitialize]
    public void Remember() => _before = get_num_threads();

    [TestCleanup]
    public void Restore() => set_num_threads(_before);

    private static List<int> TrainAndRecordThreads(GanTrainer.Options options)
    {
        var seen = new List<int>();
        options.ProgressCallback = _ => seen.Add(get_num_threads());
        var ml = new MLContext(1);
        using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 200));
        return seen;
    }

    [TestMethod]
    public void OneThreadIsSetForTrainingAndStaysAfterIt()
    {
        set_num_threads(Math.Min(2, Environment.ProcessorCount));
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 2);
        options.NumberOfThreads = 1;

        var during = TrainAndRecordThreads(options);

        CollectionAssert.AreEqual(new[] { 1, 1 }, during);
        Assert.AreEqual(1, get_num_threads());
    }

    [TestMethod]
    public void TheLibrarysChoiceLowersTheCountButNeverRaisesOne()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"))) Assert.Inconclusive("OMP_NUM_THREADS is set, so the library leaves the count alone.");
        var choice = Math.Max(1, Environment.ProcessorCount - 1);
        set_num_threads(Environment.ProcessorCount + 1);
        TrainAndRecordThreads(RingTraining.Options(GanLoss.NonSaturating, epochs: 1));
        Assert.AreEqual(choice, get_num_threads());

        set_num_threads(1);
        TrainAndRecordThreads(RingTraining.Options(GanLoss.NonSaturating, epochs: 1));
        Assert.AreEqual(1, get_num_threads(), "a smaller count the application set stays");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-1)]
    public void ANonPositiveCountIsRefusedByName(int threads)
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        options.NumberOfThreads = threads;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext(1).Gan().Trainer(options));

        Assert.AreEqual(nameof(GanTrainer.Options.NumberOfThreads), error.ParamName);
        StringAssert.Contains(error.Message, "GanTrainer.Options.NumberOfThreads must be between 1 and");
    }

    [TestMethod]
    public void FarMoreThreadsThanProcessorsAreRefused()
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        options.NumberOfThreads = 4 * Environment.ProcessorCount + 1;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext(1).Gan().Trainer(options));

        StringAssert.Contains(error.Message, "NumberOfThreads");
    }

    [TestMethod]
    public void ASecondTrainingAskingAnotherCountWhileOneRunsIsRefused()
    {
        var outer = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        outer.NumberOfThreads = 1;
        var inner = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        inner.NumberOfThreads = 2;
        var shared = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        InvalidOperationException? refused = null;
        var sharedThreads = 0;
        var ml = new MLContext(1);
        var data = RingOfGaussians.Load(ml, 200);
        // A training started from the first one's progress callback runs while the first holds the count: no timing involved.
        outer.ProgressCallback = _ =>
        {
            refused = Assert.ThrowsExactly<InvalidOperationException>(() => ml.Gan().Trainer(inner).Fit(data));
            shared.ProgressCallback = _ => sharedThreads = get_num_threads();
            ml.Gan().Trainer(shared).Fit(data).Dispose();
        };

        ml.Gan().Trainer(outer).Fit(data).Dispose();

        StringAssert.Contains(refused!.Message, "NumberOfThreads is 2");
        StringAssert.Contains(refused.Message, "running with 1 libtorch threads");
        Assert.AreEqual(1, sharedThreads, "a trainer that leaves NumberOfThreads null shares the running count");
    }
}

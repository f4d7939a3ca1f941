using TorchSharp;
using GanEstimators.Losses;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// The epoch's metrics at the cost of a handful of kernels per step: each step only hands over its detached losses,
/// scores and gradient norm, which are kept on the device and reduced together every <see cref="FoldEvery"/> steps
/// and when the epoch is read (about 20 kernels per fold, against about 30 per step when every step reduced its own).
/// Nothing is read back to the host before the epoch ends, so measuring adds no synchronisation to the steps; the
/// kept scores take 2 × batch floats per step, at most <see cref="FoldEvery"/> steps' worth.
/// </summary>
internal sealed class EpochMeter : IDisposable
{
    /// <summary>Steps kept before they are reduced into the sums (bounds the memory the kept scores take).</summary>
    public const int FoldEvery = 256;

    // Sums over steps of each step's value, in this order; accuracy stays 0 for critics, which have none.
    private const int DiscriminatorLossSlot = 0, GeneratorLossSlot = 1, RealSlot = 2, FakeSlot = 3, GradientNormSlot = 4, AccuracySlot = 5;
    private const int Count = 6;

    private readonly AdversarialLoss _loss;
    private readonly Tensor _sums;
    private readonly TorchSharp.Scalar _threshold;
    private readonly List<Tensor> _discriminatorLosses = new(), _generatorLosses = new(), _gradientNorms = new(), _realScores = new(), _fakeScores = new();
    private int _steps;

    public EpochMeter(AdversarialLoss loss, Device device)
    {
        _loss = loss;
        _threshold = loss.DecisionThreshold.ToScalar();
        _sums = zeros(Count, dtype: float64, device: device);
    }

    public void Reset()
    {
        DisposeKept();
        _sums.zero_();
        _steps = 0;
    }

    /// <summary>
    /// Keeps one step's values (the last discriminator update's loss and scores, the generator's loss and its
    /// gradient norm, which must not need gradients); the meter owns what it keeps, whatever dispose scope the step
    /// runs in, and takes <paramref name="generatorGradientNorm"/> itself rather than a detached view of it.
    /// </summary>
    public void Add(Tensor discriminatorLoss, Tensor generatorLoss, Tensor realScores, Tensor fakeScores, Tensor generatorGradientNorm)
    {
        Keep(_discriminatorLosses, discriminatorLoss.detach());
        Keep(_generatorLosses, generatorLoss.detach());
        Keep(_realScores, realScores.detach());
        Keep(_fakeScores, fakeScores.detach());
        Keep(_gradientNorms, generatorGradientNorm);
        _steps++;
        if (_realScores.Count == FoldEvery) Fold();
    }

    public GanEpochMetrics Read(int epoch, double seconds)
    {
        Fold();
        using var cpu = _sums.cpu();
        var mean = cpu.data<double>().ToArray().Select(v => v / Math.Max(1, _steps)).ToArray();
        var isCritic = _loss.IsCritic;
        return new GanEpochMetrics
        {
            Epoch = epoch,
            DiscriminatorLoss = mean[DiscriminatorLossSlot],
            GeneratorLoss = mean[GeneratorLossSlot],
            MeanRealScore = mean[RealSlot],
            MeanFakeScore = mean[FakeSlot],
            DiscriminatorAccuracy = isCritic ? double.NaN : mean[AccuracySlot],
            // For a critic the scores are raw, so mean D(real) − mean D(fake) is the Earth-Mover estimate.
            WassersteinEstimate = isCritic ? mean[RealSlot] - mean[FakeSlot] : double.NaN,
            GeneratorGradientNorm = mean[GradientNormSlot],
            Seconds = seconds,
        };
    }

    /// <summary>Adds the kept steps' values into the sums: per-step means first (as each step's own mean), then their sum in float64.</summary>
    private void Fold()
    {
        if (_realScores.Count == 0) return;
        using (NewDisposeScope())
        using (no_grad())
        {
            // Every step's batch has the same shape, so the kept scores stack into (steps, rows, 1).
            var real = stack(_realScores);
            var fake = stack(_fakeScores);
            var perStep = new List<Tensor>
            {
                stack(_discriminatorLosses), stack(_generatorLosses), StepMeans(_loss.Interpret(real)), StepMeans(_loss.Interpret(fake)), stack(_gradientNorms),
            };
            // Accuracy: the share of real rows scored above the threshold and of fake rows at or below it, each half.
            if (!_loss.IsCritic) perStep.Add(StepMeans(cat(new[] { real.gt(_threshold), fake.le(_threshold) }, 1).to(float32)));
            var sums = stack(perStep).to(float64).sum(1);
            if (_loss.IsCritic) _sums.narrow(0, 0, AccuracySlot).add_(sums, TorchScalars.One);
            else _sums.add_(sums, TorchScalars.One);
        }
        DisposeKept();
    }

    private static Tensor StepMeans(Tensor scores) => scores.reshape(scores.shape[0], -1).mean(new long[] { 1 });

    private static void Keep(List<Tensor> kept, Tensor value) => kept.Add(value.DetachFromDisposeScope());

    private void DisposeKept()
    {
        foreach (var list in new[] { _discriminatorLosses, _generatorLosses, _gradientNorms, _realScores, _fakeScores })
        {
            foreach (var tensor in list) tensor.Dispose();
            list.Clear();
        }
    }

    public void Dispose()
    {
        DisposeKept();
        _sums.Dispose();
        _threshold.Dispose();
    }
}

using System.Globalization;
using System.Text;

namespace GanEstimators;

/// <summary>What one epoch of adversarial training looked like; scores are means over the epoch's steps.</summary>
public sealed record GanEpochMetrics
{
    /// <summary>1-based epoch number (continuing across resumed runs).</summary>
    public int Epoch { get; init; }

    /// <summary>Discriminator (critic) loss, including any gradient penalty.</summary>
    public double DiscriminatorLoss { get; init; }

    /// <summary>Generator loss.</summary>
    public double GeneratorLoss { get; init; }

    /// <summary>Mean D(real): a probability for Minimax/NonSaturating, the raw output for the other losses.</summary>
    public double MeanRealScore { get; init; }

    /// <summary>Mean D(G(z)), in the same units as <see cref="MeanRealScore"/>.</summary>
    public double MeanFakeScore { get; init; }

    /// <summary>Share of real and fake rows the discriminator classified correctly; NaN for Wasserstein critics.</summary>
    public double DiscriminatorAccuracy { get; init; }

    /// <summary>The critic's Earth-Mover estimate mean D(real) − mean D(fake); NaN for non-critic losses.</summary>
    public double WassersteinEstimate { get; init; }

    /// <summary>L2 norm of the generator's parameter gradients, averaged over steps. Near zero means vanishing gradients.</summary>
    public double GeneratorGradientNorm { get; init; }

    /// <summary>
    /// Diversity of a fixed-noise generated batch over the diversity of a real batch (mean pairwise distance in the
    /// encoded space). About 1 is healthy; far below 1 means the generator collapsed onto few points. NaN when
    /// <see cref="GanTrainer.Options.EnableDiagnostics"/> is false, whose training doctor this probe belongs to.
    /// </summary>
    public double CollapseRatio { get; init; } = double.NaN;

    /// <summary>Energy distance between held-out real rows and generated rows (encoded space), on epochs where early stopping evaluated it; NaN otherwise.</summary>
    public double HeldOutEnergyDistance { get; init; } = double.NaN;

    /// <summary>Wall-clock seconds the epoch took.</summary>
    public double Seconds { get; init; }

    /// <summary>
    /// The generator's learning rate in this epoch (its base rate times the <see cref="GanTrainer.Options.LearningRateSchedule"/>'s
    /// factor); NaN in histories saved before the rates were recorded.
    /// </summary>
    public double GeneratorLearningRate { get; init; } = double.NaN;

    /// <summary>The discriminator's learning rate in this epoch, as <see cref="GeneratorLearningRate"/>.</summary>
    public double DiscriminatorLearningRate { get; init; } = double.NaN;

    internal double[] Values() => new[]
    {
        DiscriminatorLoss, GeneratorLoss, MeanRealScore, MeanFakeScore, DiscriminatorAccuracy, WassersteinEstimate,
        GeneratorGradientNorm, CollapseRatio, HeldOutEnergyDistance, Seconds, GeneratorLearningRate, DiscriminatorLearningRate,
    };

    /// <summary>The metrics <see cref="Values"/> gave; histories saved before the learning rates were recorded have the first ten.</summary>
    internal static GanEpochMetrics FromValues(int epoch, double[] v) => new()
    {
        Epoch = epoch, DiscriminatorLoss = v[0], GeneratorLoss = v[1], MeanRealScore = v[2], MeanFakeScore = v[3],
        DiscriminatorAccuracy = v[4], WassersteinEstimate = v[5], GeneratorGradientNorm = v[6], CollapseRatio = v[7],
        HeldOutEnergyDistance = v[8], Seconds = v[9],
        GeneratorLearningRate = v.Length > 10 ? v[10] : double.NaN, DiscriminatorLearningRate = v.Length > 11 ? v[11] : double.NaN,
    };

    internal const string CsvHeader =
        "epoch,discriminator_loss,generator_loss,mean_real_score,mean_fake_score,discriminator_accuracy,wasserstein_estimate,generator_gradient_norm,collapse_ratio,held_out_energy_distance,seconds,generator_learning_rate,discriminator_learning_rate";
}

/// <summary>The failure modes the training doctor recognises.</summary>
public enum GanProblem
{
    /// <summary>The generator covers few modes: its samples are far less diverse than the data.</summary>
    ModeCollapse,
    /// <summary>The generator's gradients have vanished while the discriminator wins (the saturating minimax failure).</summary>
    VanishingGradients,
    /// <summary>The discriminator separates real from fake almost perfectly for many epochs.</summary>
    DiscriminatorOverpowering,
    /// <summary>The losses oscillate, or the discriminator sits at coin-flip accuracy while samples stay poor.</summary>
    NonConvergence,
    /// <summary>A loss became NaN or infinite.</summary>
    NonFiniteLoss,
}

/// <summary>A problem the training doctor saw, when, and what to do about it.</summary>
public sealed record GanDiagnosis(int Epoch, GanProblem Problem, string Evidence, string Remedy)
{
    /// <inheritdoc/>
    public override string ToString() => $"epoch {Epoch}: {Problem} — {Evidence}. Remedy: {Remedy}";
}

/// <summary>The per-epoch record of a training run, kept with the model (and saved with it).</summary>
public sealed class GanTrainingHistory
{
    private readonly List<GanEpochMetrics> _epochs = new();
    private readonly List<GanDiagnosis> _diagnoses = new();

    /// <summary>One entry per finished epoch, in order.</summary>
    public IReadOnlyList<GanEpochMetrics> Epochs => _epochs;

    /// <summary>What the training doctor found, in the order found.</summary>
    public IReadOnlyList<GanDiagnosis> Diagnoses => _diagnoses;

    /// <summary>The epoch whose generator the sampler holds (the best one under early stopping, else the last).</summary>
    public int SelectedEpoch { get; internal set; }

    /// <summary>True when early stopping ended training before the requested number of epochs.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>The number of the last epoch trained (0 before any), from which a resumed run counts on.</summary>
    internal int LastEpoch => _epochs.Count > 0 ? _epochs[^1].Epoch : 0;

    internal void Add(GanEpochMetrics metrics) => _epochs.Add(metrics);

    internal void Add(GanDiagnosis diagnosis) => _diagnoses.Add(diagnosis);

    /// <summary>The epochs as CSV with a header row (invariant culture).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder(GanEpochMetrics.CsvHeader).Append('\n');
        foreach (var e in _epochs)
            csv.Append(e.Epoch.ToString(CultureInfo.InvariantCulture)).Append(',')
               .AppendJoin(',', e.Values().Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        return csv.ToString();
    }

    internal GanTrainingHistory Copy()
    {
        var copy = new GanTrainingHistory { SelectedEpoch = SelectedEpoch, StoppedEarly = StoppedEarly };
        foreach (var e in _epochs) copy.Add(e);
        foreach (var d in _diagnoses) copy.Add(d);
        return copy;
    }
}

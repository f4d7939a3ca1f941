using System.Globalization;
using System.Text;

namespace GanEstimators;

/// <summary>What one epoch of adversarial training looked like; scores are means over the epoch's steps.</summary>
public sealed record GanEpochMetrics
{
    /// <summary>1-based epoch number.</summary>
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

    /// <summary>Wall-clock seconds the epoch took.</summary>
    public double Seconds { get; init; }
}

/// <summary>The per-epoch record of a training run, kept with the model (and saved with it).</summary>
public sealed class GanTrainingHistory
{
    private readonly List<GanEpochMetrics> _epochs = new();

    /// <summary>One entry per finished epoch, in order.</summary>
    public IReadOnlyList<GanEpochMetrics> Epochs => _epochs;

    internal void Add(GanEpochMetrics metrics) => _epochs.Add(metrics);

    /// <summary>The history as CSV with a header row (invariant culture).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("epoch,discriminator_loss,generator_loss,mean_real_score,mean_fake_score,discriminator_accuracy,wasserstein_estimate,generator_gradient_norm,seconds\n");
        foreach (var e in _epochs)
            csv.AppendLine(string.Join(",", new[]
            {
                e.Epoch, e.DiscriminatorLoss, e.GeneratorLoss, e.MeanRealScore, e.MeanFakeScore,
                e.DiscriminatorAccuracy, e.WassersteinEstimate, e.GeneratorGradientNorm, e.Seconds,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        return csv.ToString();
    }

    internal void Save(BinaryWriter writer)
    {
        writer.Write(_epochs.Count);
        foreach (var e in _epochs)
        {
            writer.Write(e.Epoch);
            foreach (var v in new[] { e.DiscriminatorLoss, e.GeneratorLoss, e.MeanRealScore, e.MeanFakeScore, e.DiscriminatorAccuracy, e.WassersteinEstimate, e.GeneratorGradientNorm, e.Seconds })
                writer.Write(v);
        }
    }

    internal static GanTrainingHistory Load(BinaryReader reader)
    {
        var history = new GanTrainingHistory();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var epoch = reader.ReadInt32();
            var v = new double[8];
            for (var j = 0; j < v.Length; j++) v[j] = reader.ReadDouble();
            history.Add(new GanEpochMetrics
            {
                Epoch = epoch, DiscriminatorLoss = v[0], GeneratorLoss = v[1], MeanRealScore = v[2], MeanFakeScore = v[3],
                DiscriminatorAccuracy = v[4], WassersteinEstimate = v[5], GeneratorGradientNorm = v[6], Seconds = v[7],
            });
        }
        return history;
    }
}

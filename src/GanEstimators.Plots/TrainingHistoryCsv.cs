using System.Globalization;

namespace GanEstimators.Plots;

/// <summary>Reads back the epochs of a training history written by <see cref="GanTrainingHistory.ToCsv"/>.</summary>
public static class TrainingHistoryCsv
{
    private static readonly string[] Required = { "epoch", "discriminator_loss", "generator_loss", "mean_real_score", "mean_fake_score" };

    /// <summary>The epochs of a history CSV (header row, invariant culture); columns other than the loss-curve ones may be absent.</summary>
    /// <param name="path">A file written from <see cref="GanTrainingHistory.ToCsv"/> (the <c>history.csv</c> of the samples).</param>
    /// <exception cref="InvalidDataException">The file has no such header, or a value is not a number.</exception>
    public static IReadOnlyList<GanEpochMetrics> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InvalidDataException($"The history file '{path}' is empty; a header row starting 'epoch,' was expected.");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var missing = Required.Where(r => !header.Contains(r)).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"The history file '{path}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; expected the header of GanTrainingHistory.ToCsv().");

        var epochs = new List<GanEpochMetrics>();
        for (var line = 1; line < lines.Length; line++)
        {
            if (lines[line].Length == 0) continue;
            var fields = lines[line].Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"The history file '{path}', line {line + 1}: {fields.Length} fields where the header has {header.Length}.");
            double Value(string column)
            {
                var index = Array.IndexOf(header, column);
                if (index < 0) return double.NaN;
                return double.TryParse(fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                    : throw new InvalidDataException($"The history file '{path}', line {line + 1}: {column} '{fields[index]}' is not a number.");
            }
            epochs.Add(new GanEpochMetrics
            {
                Epoch = (int)Value("epoch"),
                DiscriminatorLoss = Value("discriminator_loss"),
                GeneratorLoss = Value("generator_loss"),
                MeanRealScore = Value("mean_real_score"),
                MeanFakeScore = Value("mean_fake_score"),
                DiscriminatorAccuracy = Value("discriminator_accuracy"),
                WassersteinEstimate = Value("wasserstein_estimate"),
                GeneratorGradientNorm = Value("generator_gradient_norm"),
                CollapseRatio = Value("collapse_ratio"),
                HeldOutEnergyDistance = Value("held_out_energy_distance"),
                Seconds = Value("seconds"),
                GeneratorLearningRate = Value("generator_learning_rate"),
                DiscriminatorLearningRate = Value("discriminator_learning_rate"),
            });
        }
        return epochs;
    }
}

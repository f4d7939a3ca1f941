namespace GanEstimators.Training;

/// <summary>Encoded rows split into training rows and, when early stopping is on, held-out rows to measure quality on.</summary>
internal sealed record HoldoutSplit(float[] Training, int TrainingRows, int[]? TrainingClasses, float[] Holdout, int HoldoutRows, int[]? HoldoutClasses)
{
    public const int MinimumHoldout = 50;
    public const int MaximumHoldout = 2000;

    public static HoldoutSplit Make(float[] encoded, int rows, int width, int[]? classes, GanEarlyStopping? earlyStopping, int seed)
    {
        if (earlyStopping is null) return new(encoded, rows, classes, Array.Empty<float>(), 0, null);
        var holdout = (int)Math.Clamp(Math.Round(rows * earlyStopping.HoldoutFraction), MinimumHoldout, MaximumHoldout);
        if (holdout >= rows / 2)
            throw new ArgumentException(
                $"Early stopping holds out {holdout} rows to measure quality, but the data has only {rows}; train without Options.EarlyStopping or with more rows.", "data");
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        return new(
            Gather(encoded, width, order[holdout..]), rows - holdout, classes is null ? null : order[holdout..].Select(i => classes[i]).ToArray(),
            Gather(encoded, width, order[..holdout]), holdout, classes is null ? null : order[..holdout].Select(i => classes[i]).ToArray());
    }

    private static float[] Gather(float[] encoded, int width, int[] rows)
    {
        var result = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++) encoded.AsSpan(rows[i] * width, width).CopyTo(result.AsSpan(i * width));
        return result;
    }
}

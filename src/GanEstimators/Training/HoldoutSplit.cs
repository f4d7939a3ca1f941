using GanEstimators.Encoding;

namespace GanEstimators.Training;

/// <summary>Encoded rows split into training rows and, when early stopping is on, held-out rows to measure quality on.</summary>
internal sealed record HoldoutSplit(EncodedRows Training, EncodedRows Holdout)
{
    public const int MinimumHoldout = 50;
    public const int MaximumHoldout = 2000;

    public static HoldoutSplit Make(EncodedRows rows, GanEarlyStopping? earlyStopping, int seed)
    {
        if (earlyStopping is null) return new(rows, EncodedRows.None(rows.Width, rows.ClassCount));
        var holdout = (int)Math.Clamp(Math.Round(rows.Count * earlyStopping.HoldoutFraction), MinimumHoldout, MaximumHoldout);
        if (holdout >= rows.Count / 2)
            throw new ArgumentException(
                $"Early stopping holds out {holdout} rows to measure quality, but the data has only {rows.Count}; train without Options.EarlyStopping or with more rows.", "data");
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        return new(rows.Take(order[holdout..]), rows.Take(order[..holdout]));
    }
}

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// Where the GAN puts the rows of one class, against where that class's real rows lie: over every fold, how many of the
/// class's real training rows (each left out of its own search) and how many of the GAN rows the fold added for it have,
/// as their nearest real training row, a row of the same class. Distances are taken over the numeric columns other
/// than the label, standardised on the fold's training rows, as SMOTE takes them. Folds that add no rows are left out.
/// A real row left out is what a fresh row of the class scores, and a copy added by random oversampling sits in that
/// row's place; GAN rows that agree less often than the real rows fall among other classes' rows, where they move a
/// classifier's boundary instead of filling the class in.
/// </summary>
/// <param name="Class">The class (invariant text form).</param>
/// <param name="RealRows">Real training rows of the class looked at, summed over the folds (at most 500 a fold).</param>
/// <param name="RealRowsNearOwnClass">Of those, the rows whose nearest other training row is of the class.</param>
/// <param name="GanRows">GAN rows of the class looked at, summed over the folds (at most 500 a fold).</param>
/// <param name="GanRowsNearOwnClass">Of those, the rows whose nearest real training row is of the class.</param>
public sealed record ClassNeighbourhood(string Class, int RealRows, int RealRowsNearOwnClass, int GanRows, int GanRowsNearOwnClass)
{
    /// <summary>The share of the class's real rows whose nearest other training row is of the class.</summary>
    public double RealShare => RealRows == 0 ? double.NaN : (double)RealRowsNearOwnClass / RealRows;

    /// <summary>The share of the class's GAN rows whose nearest real training row is of the class.</summary>
    public double GanShare => GanRows == 0 ? double.NaN : (double)GanRowsNearOwnClass / GanRows;

    /// <summary>
    /// The GAN rows land among other classes' rows clearly more often than the real rows do: their share is at least
    /// 0.10 lower and the two-proportion z statistic is at least 2 (rows counted as independent, which rows reused by
    /// several folds are not, so read it as a flag rather than a test).
    /// </summary>
    public bool GanRowsStray
    {
        get
        {
            // 1e-9: 0.9 − 0.8 is 0.0999… in floating point, and a gap of exactly 0.10 is flagged.
            if (RealRows == 0 || GanRows == 0 || RealShare - GanShare < 0.10 - 1e-9) return false;
            var pooled = (double)(RealRowsNearOwnClass + GanRowsNearOwnClass) / (RealRows + GanRows);
            var error = Math.Sqrt(pooled * (1 - pooled) * (1.0 / RealRows + 1.0 / GanRows));
            return (RealShare - GanShare) / error >= 2;
        }
    }
}

namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// Settings of mode-specific normalisation, the default <see cref="Options.NumericEncoding"/> of numeric and date
    /// columns (<see cref="GanNumericEncoding.ModeSpecificNormalization"/>): <c>options.ModeSpecific.PointMassShare = 0</c>.
    /// Changing one under <see cref="GanNumericEncoding.Standardization"/> is an error.
    /// </summary>
    public sealed class ModeSpecificOptions
    {
        /// <summary>Keep generated numeric values within the range seen in training. Default true.</summary>
        public bool ClampToObservedRange { get; set; } = Defaults.ClampToObservedRange;

        /// <summary>
        /// A numeric column whose values repeat (at most half as many distinct values as rows, and at most 4,096 of
        /// them: readings rounded to a unit, or converted from another unit) decodes each generated value to the nearest
        /// value seen in training, so synthetic values lie on the same grid as the real ones. Columns of mostly
        /// distinct values are left continuous. Default true.
        /// </summary>
        public bool SnapToObservedValues { get; set; } = Defaults.SnapToObservedValues;

        /// <summary>
        /// A value that alone holds at least this share of a numeric column's present values (zero rainfall, a default
        /// amount) becomes a mode of its own that decodes to exactly that value, rather than a narrow Gaussian that also
        /// spills onto its neighbours; a class whose rows all sit on it can then be generated exactly there. 0 is off;
        /// otherwise in [0.01, 1]. Default 0.1. Numbers only (not dates).
        /// </summary>
        public double PointMassShare { get; set; } = Defaults.PointMassShare;

        /// <summary>
        /// A DateTime column also carries its place in the year (when the dates span a year or more) and in the day
        /// (when they have times of day) as a sine and cosine each, so seasonal and daily patterns are learnt; the
        /// generated date takes its day of year and time of day from them. Default true.
        /// </summary>
        public bool EncodeDateCycles { get; set; } = Defaults.EncodeDateCycles;

        /// <summary>The settings changed from their defaults, by name, for an error message.</summary>
        internal IEnumerable<string> Changed()
        {
            if (ClampToObservedRange != Defaults.ClampToObservedRange) yield return $"{nameof(ClampToObservedRange)} = {ClampToObservedRange}";
            if (SnapToObservedValues != Defaults.SnapToObservedValues) yield return $"{nameof(SnapToObservedValues)} = {SnapToObservedValues}";
            if (!PointMassShare.Equals(Defaults.PointMassShare)) yield return $"{nameof(PointMassShare)} = {PointMassShare}";
            if (EncodeDateCycles != Defaults.EncodeDateCycles) yield return $"{nameof(EncodeDateCycles)} = {EncodeDateCycles}";
        }
    }
}

using System.Runtime.CompilerServices;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Training;

/// <summary>
/// The encoders and the encoded training rows (<see cref="TrainingInput"/> read and encoded). The raw table read on
/// the way is dropped here, so a large table is not held twice while training.
/// </summary>
internal sealed record EncodedInput(TableEncoder Encoder, ConditionEncoder? Condition, EncodedRows Rows)
{
    private const long LargeRawTableBytes = 256L << 20;

    // The most values (combinations × columns) recorded for telling unseen exact requests: 1 MiB in the model.
    private const long MaxRecordedCombinationValues = 1 << 18;

    /// <summary>The constraints bound to the encoders (null without constraints).</summary>
    public ConstraintRules? Constraints { get; init; }

    /// <summary>The combinations the conditionable columns took in the training rows (null when fewer than two such columns, or too many combinations).</summary>
    public SeenCombinations? Combinations { get; init; }

    /// <summary>The numeric columns the training rows fix by their categories or as a sum of two others (null when none).</summary>
    public DeterminedColumns? Determined { get; init; }

    /// <summary>The numeric columns' normal-score correlations (null when fewer than two columns qualify).</summary>
    public NormalScoreCorrelations? Correlations { get; init; }

    public static EncodedInput Read(IDataView input, GanTrainingPlan plan, GanTrainer.Options options, IChannel channel, CheckedConstraints constraints)
    {
        var (encoded, rawBytes) = ReadAndEncode(input, plan, options, channel, constraints);
        // The raw table is garbage once ReadAndEncode returns: collect a large one now and give its memory back to the
        // system (an aggressive collection decommits it), so the peak is not the raw and encoded tables, the sampling
        // structures and the networks together.
        if (rawBytes >= LargeRawTableBytes) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return encoded;
    }

    // Not inlined, so that nothing in Read's frame still references the raw table when it collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (EncodedInput Encoded, long RawBytes) ReadAndEncode(IDataView input, GanTrainingPlan plan, GanTrainer.Options options, IChannel channel, CheckedConstraints constraints)
    {
        var data = TrainingInput.Read(input, plan, options, channel);
        var rules = constraints.Ordered.Count == 0 ? null
            : ConstraintRules.Bind(constraints.Ordered, data.Encoder, data.Condition,
                (constraint, columns) => SeenCombinations.Collect(data.Table, data.Encoder, data.Condition, columns, SeenCombinations.MaxSavedValues)
                    ?? throw new ArgumentException($"Constraint '{constraint}' has more combinations than a model records ({SeenCombinations.MaxSavedValues} values).", nameof(input)),
                constraints.UniqueLargest);
        var combinations = Conditionable(data, channel);
        var determined = DeterminedColumns.Find(data.Table, data.Encoder, constraints.Ordered.SelectMany(c => c.ColumnNames).ToHashSet());
        if (determined is not null) channel.Info(determined.Describe(data.Encoder));
        var correlations = NormalScoreCorrelations.Measure(data.Table, data.Encoder, (determined?.Columns ?? []).ToHashSet(), plan.Seed);
        var classes = data.Condition is null ? null : data.Table.Conditions!.Select(data.Condition.IndexOf).ToArray();
        var rows = EncodedRows.Encode(data.Encoder, data.Table, plan.Seed, classes, data.Condition?.Count ?? 0);
        return (new EncodedInput(data.Encoder, data.Condition, rows) { Constraints = rules, Combinations = combinations, Determined = determined, Correlations = correlations }, (long)data.Table.Raw.Length * sizeof(float));
    }

    private static SeenCombinations? Conditionable(TrainingInput data, IChannel channel)
    {
        var columns = (data.Condition is null ? Array.Empty<int>() : new[] { SeenCombinations.ConditionColumn })
            .Concat(Enumerable.Range(0, data.Encoder.Columns.Count).Where(i => data.Encoder.Columns[i] is CategoricalEncoder)).ToArray();
        if (columns.Length < 2) return null;
        var seen = SeenCombinations.Collect(data.Table, data.Encoder, data.Condition, columns, MaxRecordedCombinationValues);
        if (seen is null)
            channel.Info($"The {columns.Length} conditionable columns take too many combinations to record ({MaxRecordedCombinationValues} values at most), so sampling cannot tell an exact request for an unseen combination.");
        return seen;
    }
}

/// <summary>The checked constraints in the order they apply, and each unique column's largest training value.</summary>
internal sealed record CheckedConstraints(IReadOnlyList<GanConstraint> Ordered, IReadOnlyDictionary<string, double> UniqueLargest)
{
    public static readonly CheckedConstraints None = new(Array.Empty<GanConstraint>(), new Dictionary<string, double>());
}

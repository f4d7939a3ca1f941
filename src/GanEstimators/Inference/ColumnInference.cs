using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanEstimators.Inference;

/// <summary>Turns the columns' decisions into trainer options and results, and says in the log what was decided.</summary>
internal static class ColumnInference
{
    public const string LogSource = "GanColumnInference";

    public static GanColumnInferenceResults Results(IHostEnvironment environment, string source, IReadOnlyList<GanInferredColumn> columns, IDataView data, long rows,
        TextLoader? loader, TextLoader.Options? loaderOptions)
    {
        var used = columns.Where(c => c.Purpose is GanColumnPurpose.NumericFeature or GanColumnPurpose.CategoricalFeature).ToArray();
        var options = new GanTrainer.Options
        {
            FeatureColumnNames = used.Select(c => c.Name).ToArray(),
            CategoricalColumnNames = used.Where(c => c.Purpose == GanColumnPurpose.CategoricalFeature && IsIntegerType(c.Type)).Select(c => c.Name).ToArray(),
            ConditionColumnName = columns.FirstOrDefault(c => c.Purpose == GanColumnPurpose.Condition)?.Name,
        };
        using var channel = environment.Register(LogSource).Start("Inferring columns");
        channel.Info($"{source}: {rows:N0} rows; {used.Length} feature column(s), {columns.Count(c => c.Purpose == GanColumnPurpose.Ignored)} ignored.");
        foreach (var column in columns)
        {
            var message = $"Column '{column.Name}': {PurposeText(column.Purpose)}: {column.Reason}.";
            if (column.Purpose == GanColumnPurpose.Ignored) channel.Warning(message);
            else channel.Info(message);
        }
        if (used.Length == 0) channel.Warning($"{source}: no column is left to train on; name the columns in TrainerOptions.FeatureColumnNames yourself.");
        return new GanColumnInferenceResults(options, data, columns, rows, loader, loaderOptions);
    }

    /// <summary>Checks that every column the options name is one of <paramref name="names"/>.</summary>
    public static void CheckNamedColumns(GanColumnInferenceOptions options, IReadOnlyCollection<string> names, string source)
    {
        ArgumentNullException.ThrowIfNull(options);
        void Check(string? name, string option)
        {
            if (name is not null && !names.Contains(name))
                throw new ArgumentException($"{option}: column '{name}' is not in {source}. Its columns: {string.Join(", ", names.Select(n => $"'{n}'"))}.", option);
        }
        Check(options.ConditionColumnName, nameof(options.ConditionColumnName));
        foreach (var name in options.CategoricalColumnNames ?? throw new ArgumentNullException(nameof(options.CategoricalColumnNames))) Check(name, nameof(options.CategoricalColumnNames));
        foreach (var name in options.IgnoredColumnNames ?? throw new ArgumentNullException(nameof(options.IgnoredColumnNames))) Check(name, nameof(options.IgnoredColumnNames));
        if (options.MaxCategoricalIntegerLevels < 0)
            throw new ArgumentOutOfRangeException(nameof(options.MaxCategoricalIntegerLevels), options.MaxCategoricalIntegerLevels, "MaxCategoricalIntegerLevels must be 0 (every number numeric) or more.");
    }

    private static bool IsIntegerType(DataViewType type) =>
        type is NumberDataViewType && type.RawType != typeof(float) && type.RawType != typeof(double);

    private static string PurposeText(GanColumnPurpose purpose) => purpose switch
    {
        GanColumnPurpose.NumericFeature => "numeric feature",
        GanColumnPurpose.CategoricalFeature => "categorical feature",
        GanColumnPurpose.Condition => "condition",
        _ => "ignored",
    };
}

using GanEstimators.Augmentation;
using GanEstimators.Inference;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators;

/// <summary>Entry point: <c>mlContext.Gan()</c>.</summary>
public static class MLContextGanExtensions
{
    /// <summary>The GAN operations of this context.</summary>
    public static GanCatalog Gan(this MLContext mlContext) =>
        new(mlContext ?? throw new ArgumentNullException(nameof(mlContext)));
}

/// <summary>GAN estimators and helpers, reached through <c>mlContext.Gan()</c>.</summary>
/// <remarks>The quality metrics (<c>Evaluate</c>, <c>EvaluateImages</c>) are extension methods from the <c>GanEstimators.Evaluation</c> package.</remarks>
public sealed class GanCatalog
{
    internal GanCatalog(IHostEnvironment environment) => Environment = environment;

    internal IHostEnvironment Environment { get; }

    /// <summary>A GAN trainer with every option spelled out.</summary>
    public GanTrainer Trainer(GanTrainer.Options options) => new(Environment, options);

    /// <summary>A GAN trainer for the common case: one feature column, an optional condition column.</summary>
    /// <param name="featureColumnName">The column to imitate (numeric scalar or known-size Single vector).</param>
    /// <param name="conditionColumnName">Optional class column for a conditional GAN.</param>
    /// <param name="loss">The adversarial objective.</param>
    /// <param name="epochs">Passes over the data.</param>
    public GanTrainer Trainer(string featureColumnName, string? conditionColumnName = null, GanLoss loss = GanLoss.WassersteinGradientPenalty, int epochs = 300) =>
        Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { featureColumnName },
            ConditionColumnName = conditionColumnName,
            Loss = loss,
            Epochs = epochs,
        });

    /// <summary>
    /// The batch size, epochs, PacGAN packing and early stopping for a table (see <see cref="GanTrainingSchedule"/>),
    /// settings the request gives kept as given; the choice is written to the MLContext log.
    /// </summary>
    public GanTrainingSchedule ChooseSchedule(GanScheduleRequest request)
    {
        var schedule = GanTrainingSchedule.Choose(request);
        using var channel = Environment.Register(nameof(GanTrainingSchedule)).Start("Choosing a training schedule");
        channel.Info(schedule.Description);
        return schedule;
    }

    /// <summary>
    /// Reads a CSV file once and decides what the trainer does with each column, as SDV's metadata detection does:
    /// ISO dates are numeric, text and true/false are categories, whole non-negative numbers with few distinct values
    /// are categories, other numbers are numeric, empty fields are missing values, and ID-like columns are left out (with a
    /// line in the MLContext log). Returns ready trainer options, a loader and the loaded data, and each column's decision.
    /// </summary>
    /// <remarks>
    /// The file must be UTF-8 (a byte-order mark is accepted) with a header row, in RFC 4180's CSV: a field in double
    /// quotes may hold the separator, doubled quotes ("") and line breaks (LF or CRLF). The separator, comma, semicolon
    /// or tab, is detected from the header and the first records unless <paramref name="separatorChar"/> gives it.
    /// </remarks>
    /// <param name="path">The CSV file.</param>
    /// <param name="conditionColumnName">Optional column to condition on (read as text); none is guessed.</param>
    /// <param name="separatorChar">The field separator; null detects it.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, has no rows, is not UTF-8 (the message names the line and byte offset), has an unclosed quote or a row with another number of fields than the header.</exception>
    /// <exception cref="ArgumentException">A column named in the options is not in the header.</exception>
    public GanColumnInferenceResults InferColumns(string path, string? conditionColumnName = null, char? separatorChar = null) =>
        InferColumns(path, new GanColumnInferenceOptions { ConditionColumnName = conditionColumnName, Separator = separatorChar });

    /// <summary>Infers the columns of a CSV file as <see cref="InferColumns(string, string?, char?)"/> does, told more by <paramref name="options"/>.</summary>
    public GanColumnInferenceResults InferColumns(string path, GanColumnInferenceOptions options) =>
        CsvColumnInference.Infer(Environment, path, options);

    /// <summary>
    /// Decides what the trainer does with each column of <paramref name="data"/> (types as they are; one pass over the
    /// rows counts missing and distinct values): text, Boolean and key columns are categories, integers with few distinct
    /// non-negative values are categories (listed in <see cref="GanTrainer.Options.CategoricalColumnNames"/>), other
    /// numbers, DateTime and known-size Single vectors are numeric, ID-like columns and other types are left out (logged).
    /// </summary>
    /// <param name="data">The training rows.</param>
    /// <param name="conditionColumnName">Optional column to condition on; none is guessed.</param>
    public GanColumnInferenceResults InferColumns(IDataView data, string? conditionColumnName = null) =>
        InferColumns(data, new GanColumnInferenceOptions { ConditionColumnName = conditionColumnName });

    /// <summary>Infers the columns of <paramref name="data"/> as <see cref="InferColumns(IDataView, string?)"/> does, told more by <paramref name="options"/>.</summary>
    public GanColumnInferenceResults InferColumns(IDataView data, GanColumnInferenceOptions options) =>
        DataViewColumnInference.Infer(Environment, data, options);

    /// <summary>
    /// The real rows of <paramref name="data"/> followed by synthetic rows from <paramref name="sampler"/>: a fixed
    /// number (<see cref="GanAugmentationOptions.SyntheticRowCount"/>), or enough of each class to make the classes of
    /// <see cref="GanAugmentationOptions.BalanceColumnName"/> even (or, with <see cref="GanAugmentationOptions.BalanceRatio"/>,
    /// to bring each up to that share of the largest).
    /// </summary>
    /// <remarks>
    /// The result has the columns of <paramref name="data"/> that the sampler generates (its features and condition
    /// column), in the data's order and types; the data's other columns are dropped. Real rows come first, unchanged.
    /// Nothing is generated here: synthetic rows are made chunk by chunk (<see cref="GanAugmentationOptions.ChunkSize"/>)
    /// when a cursor reaches them, so a downstream <c>Fit</c> streams them, and every cursor sees the same rows.
    /// Only the real data is read now: once to count its rows (or classes, when balancing).
    /// </remarks>
    /// <param name="data">The real rows, with the columns the GAN was trained on, in their training types.</param>
    /// <param name="sampler">The trained GAN.</param>
    /// <param name="options">How many rows to add; see <see cref="GanAugmentationOptions"/>.</param>
    /// <exception cref="ArgumentException">The options are inconsistent, the data lacks a generated column or holds it in another type, or the balance column is not one the sampler can condition on.</exception>
    public IDataView Augment(IDataView data, GanSampler sampler, GanAugmentationOptions options) =>
        GanAugmentation.Create(Environment, data, sampler, options);
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators;

/// <summary>What <c>mlContext.Gan().InferColumns</c> found: trainer options ready to use, the data, and every column's decision.</summary>
public sealed class GanColumnInferenceResults
{
    internal GanColumnInferenceResults(GanTrainer.Options trainerOptions, IDataView data, IReadOnlyList<GanInferredColumn> columns, long rowCount, TextLoader? loader, TextLoader.Options? loaderOptions)
    {
        TrainerOptions = trainerOptions;
        Data = data;
        Columns = columns;
        RowCount = rowCount;
        Loader = loader;
        TextLoaderOptions = loaderOptions;
    }

    /// <summary>
    /// Trainer options with the feature columns, the categorical integer columns and the condition column (only one
    /// the user named) filled in, everything else at its default; change them before <c>Trainer(options)</c>.
    /// </summary>
    public GanTrainer.Options TrainerOptions { get; }

    /// <summary>The rows to train on: the CSV file through <see cref="Loader"/>, or the data view that was given.</summary>
    public IDataView Data { get; }

    /// <summary>Every column in file (or schema) order, with what was decided and why.</summary>
    public IReadOnlyList<GanInferredColumn> Columns { get; }

    /// <summary>The number of data rows read (empty lines not counted).</summary>
    public long RowCount { get; }

    /// <summary>CSV files: the loader for this file and others like it (save it with the model: <c>ml.Model.Save(sampler, results.Loader, path)</c>); null for a data view.</summary>
    public TextLoader? Loader { get; }

    /// <summary>CSV files: the options <see cref="Loader"/> was made with (every column, its type and field index, the separator); null for a data view.</summary>
    public TextLoader.Options? TextLoaderOptions { get; }

    /// <summary>CSV files: the field separator used, given or detected; null for a data view.</summary>
    public char? Separator => TextLoaderOptions?.Separators[0];
}

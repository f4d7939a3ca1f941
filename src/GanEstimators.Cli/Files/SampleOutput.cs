using GanEstimators.Cli.Csv;
using GanEstimators.Parquet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Files;

/// <summary>
/// Writes generated rows where <c>--out</c> says: a CSV file, a Parquet file (<c>.parquet</c>) or a directory of Parquet
/// parts (a path ending with a separator, new or empty), each moved into place only when complete.
/// </summary>
public static class SampleOutput
{
    /// <summary>Rows per Parquet part when <c>--out</c> is a directory and no <c>--part-rows</c> is given.</summary>
    public const long DefaultPartRows = 1_000_000;

    /// <summary>Checks <c>--out</c> before any work and reserves its temporary file or directory.</summary>
    public static OutputFile Reserve(string path, string option, params (string Option, string? Path)[] inputs) =>
        DataFile.IsPartsDirectory(path) ? OutputFile.ReserveDirectory(path, option) : OutputFile.Reserve(path, option, inputs);

    /// <summary>Writes the rows in the model's column order; returns how many.</summary>
    public static long Write(IDataView data, IReadOnlyList<CsvColumn> columns, OutputFile output, string path, long rowsPerPart, string modelPath)
    {
        if (!DataFile.IsParquetOutput(path)) return CsvWriter.Write(CsvTypes(data), columns, output, modelPath);
        var ml = new MLContext();
        var ordered = ml.Transforms.SelectColumns(columns.Select(c => c.Name).ToArray()).Fit(data).Transform(data);
        var rows = output.Writing(temporary =>
        {
            if (DataFile.IsPartsDirectory(path)) return ml.Data.SaveAsParquetParts(ordered, temporary, rowsPerPart);
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write);
            return ml.Data.SaveAsParquet(ordered, stream);
        });
        output.Commit();
        return rows;
    }

    /// <summary>
    /// The CSV writer's column types (Int64, Single, DateTime, Text) for a model trained on Parquet, whose columns may be
    /// other integers, Double or Boolean; a model trained on CSV already generates those types.
    /// </summary>
    private static IDataView CsvTypes(IDataView data)
    {
        var ml = new MLContext();
        var converted = data;
        foreach (var column in data.Schema.Where(c => !c.IsHidden))
        {
            DataKind? kind = column.Type switch
            {
                BooleanDataViewType => DataKind.String,
                NumberDataViewType t when t == NumberDataViewType.Double => DataKind.Single,
                NumberDataViewType t when t != NumberDataViewType.Single && t != NumberDataViewType.Int64 => DataKind.Int64,
                _ => null,
            };
            if (kind is { } k) converted = ml.Transforms.Conversion.ConvertType(column.Name, outputKind: k).Fit(converted).Transform(converted);
        }
        return converted;
    }
}

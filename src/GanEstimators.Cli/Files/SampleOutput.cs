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

    /// <summary>Checks <c>--out</c> before any work; returns the reserved file (null for a directory of parts, which the library writes atomically).</summary>
    public static OutputFile? Reserve(string path, string option, params (string Option, string? Path)[] inputs)
    {
        if (!DataFile.IsPartsDirectory(path)) return OutputFile.Reserve(path, option, inputs);
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar, '/'))!;
        if (!Directory.Exists(parent)) throw new ArgumentException($"{option} '{path}': directory '{parent}' does not exist; create it first.");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new ArgumentException($"{option} '{path}' is a directory that is not empty; Parquet parts are written to a new or empty directory.");
        return null;
    }

    /// <summary>Writes the rows in the model's column order; returns how many.</summary>
    public static long Write(IDataView data, IReadOnlyList<CsvColumn> columns, OutputFile? output, string path, long rowsPerPart, string modelPath)
    {
        if (output is not null && !DataFile.IsParquetOutput(path)) return CsvWriter.Write(CsvTypes(data), columns, output, modelPath);
        var ml = new MLContext();
        var ordered = ml.Transforms.SelectColumns(columns.Select(c => c.Name).ToArray()).Fit(data).Transform(data);
        if (output is null) return ml.Data.SaveAsParquetParts(ordered, path, rowsPerPart);
        var rows = output.Writing(temporary =>
        {
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

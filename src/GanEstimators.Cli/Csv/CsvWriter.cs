using System.Globalization;
using GanEstimators.Cli.Files;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// Writes rows as comma-separated CSV in the training file's columns, order and number formats, streaming them through
/// one cursor (so any number of rows takes bounded memory), then moves the file into place.
/// </summary>
public static class CsvWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="output"/> and commits it; returns the number of rows written.</summary>
    public static long Write(IDataView data, IReadOnlyList<CsvColumn> columns, OutputFile output, string modelPath)
    {
        var schemaColumns = columns.Select(c => data.Schema.GetColumnOrNull(c.Name)
            ?? throw new InvalidDataException($"--model '{modelPath}' does not generate column '{c.Name}' listed in its CSV columns.")).ToArray();
        var rows = output.Writing(path =>
        {
            long written = 0;
            using var writer = new StreamWriter(path, append: false);
            using var cursor = data.GetRowCursor(schemaColumns);
            var formatters = columns.Select((c, i) => Formatter(cursor, schemaColumns[i], c, modelPath)).ToArray();
            writer.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
            var fields = new string[formatters.Length];
            while (cursor.MoveNext())
            {
                for (var i = 0; i < formatters.Length; i++) fields[i] = formatters[i]();
                writer.WriteLine(string.Join(",", fields));
                written++;
            }
            return written;
        });
        output.Commit();
        return rows;
    }

    /// <summary>A function that formats the cursor's current value of one column.</summary>
    private static Func<string> Formatter(DataViewRowCursor cursor, DataViewSchema.Column schemaColumn, CsvColumn column, string modelPath)
    {
        switch (schemaColumn.Type)
        {
            case TextDataViewType:
            {
                var getter = cursor.GetGetter<ReadOnlyMemory<char>>(schemaColumn);
                ReadOnlyMemory<char> value = default;
                return () => { getter(ref value); return Quote(value.ToString()); };
            }
            case NumberDataViewType t when t == NumberDataViewType.Int64:
            {
                var getter = cursor.GetGetter<long>(schemaColumn);
                long value = 0;
                return () => { getter(ref value); return value.ToString(CultureInfo.InvariantCulture); };
            }
            case DateTimeDataViewType:
            {
                var getter = cursor.GetGetter<DateTime>(schemaColumn);
                DateTime value = default;
                return () => { getter(ref value); return value == default ? "" : value.ToString(column.DateFormat ?? "yyyy-MM-dd", CultureInfo.InvariantCulture); };
            }
            case NumberDataViewType t when t == NumberDataViewType.Single:
            {
                var getter = cursor.GetGetter<float>(schemaColumn);
                float value = 0;
                return () => { getter(ref value); return Number(value, column); };
            }
            default:
                throw new InvalidDataException($"--model '{modelPath}': column '{column.Name}' is generated as {schemaColumn.Type}; Int64, Single, DateTime or Text was expected.");
        }
    }

    private static string Number(float value, CsvColumn column)
    {
        if (float.IsNaN(value)) return "";
        var rounded = Math.Round(value, column.Decimals);
        if (rounded == 0) rounded = 0;   // no "-0.0"
        return rounded.ToString(column.FixedDecimals ? "F" + column.Decimals : OptionalDecimals[column.Decimals], CultureInfo.InvariantCulture);
    }

    // "0", "0.#", "0.##", …: up to that many decimals, trailing zeros left out.
    private static readonly string[] OptionalDecimals = Enumerable.Range(0, 16).Select(d => d == 0 ? "0" : "0." + new string('#', d)).ToArray();

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

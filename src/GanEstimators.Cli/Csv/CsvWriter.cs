using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Csv;

/// <summary>Writes generated rows as CSV: the training file's columns, order and number formats.</summary>
public static class CsvWriter
{
    public static void Write(IDataView data, IReadOnlyList<CsvColumn> columns, string path)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary))
        {
            writer.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
            var values = columns.Select(c => ReadColumn(data, c)).ToArray();
            var rows = values.Length == 0 ? 0 : values[0].Length;
            for (var r = 0; r < rows; r++) writer.WriteLine(string.Join(",", values.Select(v => v[r])));
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string[] ReadColumn(IDataView data, CsvColumn column)
    {
        var schemaColumn = data.Schema.GetColumnOrNull(column.Name)
            ?? throw new InvalidDataException($"The model does not generate column '{column.Name}'.");
        return schemaColumn.Type switch
        {
            TextDataViewType => data.GetColumn<ReadOnlyMemory<char>>(column.Name).Select(v => Quote(v.ToString())).ToArray(),
            NumberDataViewType t when t == NumberDataViewType.Int64 => data.GetColumn<long>(column.Name).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            DateTimeDataViewType => data.GetColumn<DateTime>(column.Name).Select(v => v == default ? "" : v.ToString(column.DateFormat ?? "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
            _ => data.GetColumn<float>(column.Name).Select(v => Number(v, column)).ToArray(),
        };
    }

    private static string Number(float value, CsvColumn column)
    {
        if (float.IsNaN(value)) return "";
        var rounded = Math.Round(value, column.Decimals);
        if (rounded == 0) rounded = 0;   // no "-0.0"
        return rounded.ToString(column.FixedDecimals ? "F" + column.Decimals : "0.##########", CultureInfo.InvariantCulture);
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

using System.IO.Compression;
using System.Text.Json;
using GanEstimators.Loading;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// The training CSV's columns, kept inside the model zip (entry <c>ganest/columns.json</c>, which ML.NET's loader
/// ignores) so <c>ganest sample</c> writes the same columns, in the same order, with the same number formats.
/// </summary>
public static class CsvFormat
{
    public const string EntryName = "ganest/columns.json";

    private const int MaximumDecimals = CsvColumnFacts.MaximumDecimals;

    public static void AppendTo(string modelPath, IReadOnlyList<CsvColumn> columns)
    {
        using var zip = ZipFile.Open(modelPath, ZipArchiveMode.Update);
        using var stream = zip.CreateEntry(EntryName).Open();
        JsonSerializer.Serialize(stream, columns);
    }

    /// <summary>The columns, checked: a damaged or edited entry is an <see cref="InvalidDataException"/> naming the file and entry.</summary>
    public static IReadOnlyList<CsvColumn> ReadFrom(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        var entry = zip.GetEntry(EntryName)
            ?? throw new InvalidDataException($"--model '{modelPath}' was not written by `ganest train` (it has no {EntryName}); sample it from code with GanSampler.Sample.");
        CsvColumn?[]? columns;
        try
        {
            using var stream = entry.Open();
            columns = JsonSerializer.Deserialize<CsvColumn?[]>(stream);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or IOException or NotSupportedException)
        {
            throw Damaged(modelPath, error.Message);
        }
        if (columns is null || columns.Length == 0) throw Damaged(modelPath, "it lists no columns");
        var names = new HashSet<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            var column = columns[c] ?? throw Damaged(modelPath, $"column {c + 1} is null");
            if (string.IsNullOrEmpty(column.Name)) throw Damaged(modelPath, $"column {c + 1} has no name");
            if (!names.Add(column.Name)) throw Damaged(modelPath, $"column '{column.Name}' is listed twice");
            if (!Enum.IsDefined(column.Kind)) throw Damaged(modelPath, $"column '{column.Name}' has an unknown kind {(int)column.Kind}");
            if (column.Index < 0) throw Damaged(modelPath, $"column '{column.Name}' has a negative index {column.Index}");
            if (column.Decimals is < 0 or > MaximumDecimals) throw Damaged(modelPath, $"column '{column.Name}' has {column.Decimals} decimals; 0 to {MaximumDecimals} are possible");
            if (column.DateFormat is not null && !IsoDates.Formats.Contains(column.DateFormat))
                throw Damaged(modelPath, $"column '{column.Name}' has the date format '{column.DateFormat}'; one of {string.Join(", ", IsoDates.Formats)} was expected");
        }
        return columns!;
    }

    private static InvalidDataException Damaged(string modelPath, string problem) =>
        new($"--model '{modelPath}': its entry {EntryName} is damaged ({problem}); train the model again with `ganest train`.");
}

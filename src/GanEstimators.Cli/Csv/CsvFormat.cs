using System.Text.Json;

namespace GanEstimators.Cli.Csv;

/// <summary>
/// The training CSV's columns, kept inside the model zip (entry <c>ganest/columns.json</c>, which ML.NET's loader
/// ignores) so <c>ganest sample</c> writes the same columns, in the same order, with the same number formats.
/// </summary>
public static class CsvFormat
{
    private const string EntryName = "ganest/columns.json";

    public static void AppendTo(string modelPath, IReadOnlyList<CsvColumn> columns)
    {
        using var zip = System.IO.Compression.ZipFile.Open(modelPath, System.IO.Compression.ZipArchiveMode.Update);
        using var stream = zip.CreateEntry(EntryName).Open();
        JsonSerializer.Serialize(stream, columns);
    }

    public static IReadOnlyList<CsvColumn> ReadFrom(string modelPath)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(modelPath);
        var entry = zip.GetEntry(EntryName)
            ?? throw new InvalidDataException($"'{modelPath}' was not written by `ganest train` (it has no {EntryName}); sample it from code with GanSampler.Sample.");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<CsvColumn[]>(stream)!;
    }
}

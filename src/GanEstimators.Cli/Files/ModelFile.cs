using System.IO.Compression;
using System.Text.Json;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Errors;
using Microsoft.ML;

namespace GanEstimators.Cli.Files;

/// <summary>
/// Loads a model written by <c>ganest train</c>: its CSV columns and its sampler. Whatever goes wrong (not a file,
/// not a zip, a truncated or damaged zip, malformed column metadata, a model ML.NET or the library cannot load)
/// comes out as one <see cref="InvalidDataException"/> naming the --model file.
/// </summary>
public static class ModelFile
{
    private const string Expected = "a model .zip file written by `ganest train`";

    public static (GanSampler Sampler, IReadOnlyList<CsvColumn> Columns) Load(MLContext ml, string path)
    {
        var columns = ReadColumns(path);
        ITransformer model;
        try
        {
            model = ml.Model.Load(path, out _);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException($"--model '{path}' could not be loaded: {ErrorReport.OneLine(ErrorReport.Unwrap(error).Message)}", error);
        }
        if (model is not GanSampler sampler)
        {
            (model as IDisposable)?.Dispose();
            throw new InvalidDataException($"--model '{path}' does not hold a GAN sampler; {Expected} was expected.");
        }
        var mismatch = Mismatch(sampler, columns);
        if (mismatch is not null)
        {
            sampler.Dispose();
            throw new InvalidDataException($"--model '{path}': its entry {CsvFormat.EntryName} does not match the sampler it holds ({mismatch}); train the model again with `ganest train`.");
        }
        return (sampler, columns);
    }

    /// <summary>
    /// Where the CSV columns (hashed by nothing) and the sampler's own columns (hashed) disagree, or null: an edited or
    /// swapped column list would otherwise drop a generated column from every sample without a word.
    /// </summary>
    private static string? Mismatch(GanSampler sampler, IReadOnlyList<CsvColumn> columns)
    {
        var generated = sampler.FeatureColumnNames.Append(sampler.ConditionColumnName).OfType<string>().ToArray();
        var listed = columns.Select(c => c.Name).ToArray();
        var notGenerated = listed.Except(generated, StringComparer.Ordinal).Select(n => $"'{n}'").ToArray();
        var notListed = generated.Except(listed, StringComparer.Ordinal).Select(n => $"'{n}'").ToArray();
        if (notGenerated.Length > 0) return $"it lists {string.Join(", ", notGenerated)}, which the sampler does not generate";
        if (notListed.Length > 0) return $"it leaves out {string.Join(", ", notListed)}, which the sampler generates";
        return null;
    }

    /// <summary>The CSV columns the model was trained on (its entry <c>ganest/columns.json</c>), checked.</summary>
    private static IReadOnlyList<CsvColumn> ReadColumns(string path)
    {
        InputFile.CheckExists(path, "--model", Expected);
        try
        {
            return CsvFormat.ReadFrom(path);
        }
        catch (InvalidDataException error) when (error.Message.Contains(path, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception error) when (error is InvalidDataException or JsonException or IOException or NotSupportedException)
        {
            throw new InvalidDataException($"--model '{path}' is not {Expected}: {ErrorReport.OneLine(error.Message)}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new InvalidDataException($"--model '{path}' cannot be read: {error.Message}", error);
        }
    }
}

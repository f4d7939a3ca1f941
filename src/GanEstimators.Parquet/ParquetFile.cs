using Parquet;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>Opens Parquet files, turning a file the library cannot read into an <see cref="InvalidDataException"/> naming it.</summary>
internal static class ParquetFile
{
    public static ParquetReader Open(string path)
    {
        try
        {
            return Blocking.Wait(ParquetReader.CreateAsync(path));
        }
        catch (Exception error) when (error is not (OutOfMemoryException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"'{path}' is not a readable Parquet file: {error.Message}", error);
        }
    }

    public static void Close(ParquetReader reader) => Blocking.Wait(reader.DisposeAsync());

    /// <summary>The file's scalar columns, in order; a nested column (struct, map or list of groups) is refused by name.</summary>
    public static DataField[] Columns(ParquetReader reader, string path)
    {
        foreach (var field in reader.Schema.Fields)
            if (field is not DataField)
                throw new NotSupportedException($"Parquet column '{field.Name}' of '{path}' is a {field.SchemaType.ToString().ToLowerInvariant()}; only scalar columns can be read.");
        return reader.Schema.DataFields;
    }
}

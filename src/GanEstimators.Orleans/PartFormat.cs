using GanEstimators.Parquet;
using Microsoft.ML;

namespace GanEstimators.Orleans;

/// <summary>
/// The bytes of a part file: Parquet (GanEstimators.Parquet), one row group per 65,536 rows, so a part holds the same
/// bytes whichever process writes it.
/// </summary>
internal static class PartFormat
{
    public const string Extension = ".parquet";

    public static void Write(IDataView rows, Stream stream) => new MLContext(0).Data.SaveAsParquet(rows, stream);
}

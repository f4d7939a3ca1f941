using Microsoft.ML;

namespace GanEstimators.Orleans;

/// <summary>The bytes of a part file. TEMPORARY: CSV until the Parquet writer lands.</summary>
internal static class PartFormat
{
    public const string Extension = ".csv";

    public static void Write(IDataView rows, Stream stream) =>
        new MLContext(0).Data.SaveAsText(rows, stream, separatorChar: ',', headerRow: true, schema: false);
}

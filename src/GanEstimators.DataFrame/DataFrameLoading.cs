using Microsoft.ML;

namespace GanEstimators;

/// <summary>Loading a Microsoft.Data.Analysis DataFrame as training data, its column types respected.</summary>
public static class DataFrameLoading
{
    /// <summary>
    /// The DataFrame's rows as an <see cref="IDataView"/> that GanEstimators reads as it reads any ML.NET data: string
    /// columns become categorical text columns, nulls become missing values (NaN in number columns, empty text in
    /// string columns, default DateTime), integer, bool and DateTime columns keep their types (an integer column with
    /// nulls becomes double with NaN, a bool column with nulls becomes text "True"/"False" with a missing category).
    /// The values are copied once, so later edits to the DataFrame do not change the view.
    /// </summary>
    /// <remarks>
    /// Use this rather than passing the DataFrame itself (a DataFrame is an <see cref="IDataView"/> too): the
    /// DataFrame's own view reads a null integer as 0 and a null bool as false, which would train as real values.
    /// </remarks>
    /// <exception cref="ArgumentException">A column's type has no reading here (e.g. TimeSpan, vectors).</exception>
    public static IDataView LoadFromDataFrame(this DataOperationsCatalog catalog, Microsoft.Data.Analysis.DataFrame dataFrame)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return FromDataFrame(dataFrame);
    }

    internal static IDataView FromDataFrame(Microsoft.Data.Analysis.DataFrame dataFrame)
    {
        ArgumentNullException.ThrowIfNull(dataFrame);
        return new DataFrameView(dataFrame.Columns.Select(DataFrameColumnReader.Read).ToArray(), dataFrame.Rows.Count);
    }
}

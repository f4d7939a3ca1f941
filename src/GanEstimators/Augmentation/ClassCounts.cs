using GanEstimators.Encoding;
using Microsoft.ML;

namespace GanEstimators.Augmentation;

/// <summary>One pass over the real data: its row count and, for balancing, the rows of each class of one column.</summary>
internal static class ClassCounts
{
    public static long CountRows(IDataView data)
    {
        if (data.GetRowCount() is { } known) return known;
        long rows = 0;
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>Rows per class (invariant text form, as the sampler names classes); missing values are not counted.</summary>
    public static (long Rows, SortedDictionary<string, long> ByClass) Count(IDataView data, string columnName)
    {
        var column = data.Schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentException($"Balance column '{columnName}' is not in the data.", nameof(GanAugmentationOptions.BalanceColumnName));
        if (!CategoryText.IsSupported(column.Type))
            throw new ArgumentException($"Balance column '{columnName}' has type {column.Type}; expected {CategoryText.ExpectedTypes}.", nameof(GanAugmentationOptions.BalanceColumnName));

        var byClass = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        using var cursor = data.GetRowCursor(new[] { column });
        var read = CategoryText.For(column).MakeReader(cursor, column);
        while (cursor.MoveNext())
        {
            rows++;
            if (read() is { } value) byClass[value] = byClass.GetValueOrDefault(value) + 1;
        }
        return (rows, byClass);
    }
}

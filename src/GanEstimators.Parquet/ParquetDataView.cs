using Microsoft.ML;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>
/// A Parquet file, or a directory's <c>*.parquet</c> parts read one after another in name order, as an
/// <see cref="IDataView"/>. Opening it reads every part's footer (and, for integer and boolean columns whose schema
/// allows nulls, those columns, to learn whether any value is null, which decides their ML.NET type); a cursor then
/// reads one row group of its active columns at a time, so memory stays bounded by the largest row group.
/// </summary>
internal sealed class ParquetDataView : IDataView
{
    private readonly ParquetColumn[] _columns;

    public ParquetDataView(string path)
    {
        Paths = ParquetParts.Resolve(path);
        var fields = new DataField[Paths.Length][];
        var groupRows = new long[Paths.Length][];
        bool[]? hasNulls = null;
        for (var p = 0; p < Paths.Length; p++)
        {
            var reader = ParquetFile.Open(Paths[p]);
            try
            {
                fields[p] = ParquetFile.Columns(reader, Paths[p]);
                if (p > 0) CheckSameColumns(fields[0], fields[p], Paths[0], Paths[p]);
                hasNulls ??= new bool[fields[p].Length];
                groupRows[p] = new long[reader.RowGroupCount];
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    groupRows[p][g] = group.RowCount;
                    for (var c = 0; c < fields[p].Length; c++)
                        if (!hasNulls[c] && ParquetColumnMapping.TypeDependsOnNulls(fields[p][c]))
                            hasNulls[c] = ParquetColumnMapping.AnyNull(group, fields[p][c], checked((int)group.RowCount));
                }
            }
            finally
            {
                ParquetFile.Close(reader);
            }
        }
        Fields = fields;
        GroupRows = groupRows;
        _columns = fields[0].Select((f, c) => ParquetColumnMapping.For(f, hasNulls![c], Paths[0])).ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns) builder.AddColumn(column.Name, column.Type);
        Schema = builder.ToSchema();
        RowCount = groupRows.Sum(g => g.Sum());
    }

    /// <summary>The files read, in order.</summary>
    public string[] Paths { get; }

    /// <summary>Each file's fields, in schema order (the same names and types in every file).</summary>
    public DataField[][] Fields { get; }

    /// <summary>Each file's row-group sizes.</summary>
    public long[][] GroupRows { get; }

    public long RowCount { get; }

    public IReadOnlyList<ParquetColumn> Columns => _columns;

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new ParquetRowCursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    private static void CheckSameColumns(DataField[] first, DataField[] other, string firstPath, string otherPath)
    {
        var expected = string.Join(", ", first.Select(f => $"{f.Name} ({f.ClrType.Name})"));
        var got = string.Join(", ", other.Select(f => $"{f.Name} ({f.ClrType.Name})"));
        if (expected != got)
            throw new InvalidDataException($"Parquet part '{otherPath}' has the columns {got}; the first part, '{firstPath}', has {expected}. Every part of a directory must have the same columns.");
    }
}

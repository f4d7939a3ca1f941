using Microsoft.ML;
using Parquet;
using Parquet.Schema;

namespace GanEstimators.Parquet;

/// <summary>
/// Streams one cursor over a data view into Parquet files, one row group (<see cref="ParquetSaveOptions.RowGroupRows"/>
/// rows of every column) in memory at a time; <see cref="WritePart"/> can be called again for the next part of a
/// directory, continuing where the last part stopped.
/// </summary>
internal sealed class ParquetRowWriter : IDisposable
{
    private readonly ParquetColumnWriter[] _columns;
    private readonly ParquetSchema _schema;
    private readonly DataViewRowCursor _cursor;
    private readonly int _rowGroupRows;
    private bool _pending;
    private bool _ended;

    public ParquetRowWriter(IDataView data, ParquetSaveOptions options)
    {
        _columns = Writers(data.Schema);
        _schema = new ParquetSchema(_columns.Select(c => (Field)c.Field));
        _rowGroupRows = options.RowGroupRows;
        _cursor = data.GetRowCursor(_columns.Select(c => c.Column));
        foreach (var column in _columns) column.Bind(_cursor, _rowGroupRows);
    }

    /// <summary>The visible columns' writers; an unsupported column type fails here, before anything is written.</summary>
    public static ParquetColumnWriter[] Writers(DataViewSchema schema)
    {
        var writers = schema.Where(c => !c.IsHidden).Select(ParquetColumnWriter.For).ToArray();
        if (writers.Length == 0) throw new ArgumentException("The data has no columns to write to Parquet.", nameof(schema));
        return writers;
    }

    /// <summary>Whether the cursor has a row not written yet.</summary>
    public bool HasMoreRows
    {
        get
        {
            if (!_pending && !_ended)
            {
                if (_cursor.MoveNext()) _pending = true;
                else _ended = true;
            }
            return _pending;
        }
    }

    /// <summary>Writes up to <paramref name="maximumRows"/> further rows as one Parquet file to <paramref name="stream"/>; returns how many.</summary>
    public long WritePart(Stream stream, long maximumRows)
    {
        long rows = 0;
        var writer = Blocking.Wait(ParquetWriter.CreateAsync(_schema, stream));
        // Disposing the writer writes the footer, so it is disposed only when every row is written: a failure leaves a
        // stream without a footer, which readers refuse, not a valid file holding the rows written before the failure.
        // (The writer holds nothing but the stream, which its caller disposes.)
        while (rows < maximumRows && HasMoreRows)
        {
            var groupRows = (int)Math.Min(_rowGroupRows, maximumRows - rows);
            var n = 0;
            for (; n < groupRows && HasMoreRows; n++)
            {
                foreach (var column in _columns) column.Read(n);
                _pending = false;
            }
            using var group = writer.CreateRowGroup();
            foreach (var column in _columns) column.Write(group, n);
            rows += n;
        }
        Blocking.Wait(writer.DisposeAsync());
        return rows;
    }

    public void Dispose() => _cursor.Dispose();
}

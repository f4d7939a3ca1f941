using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>One column of a <see cref="RowTable"/>: its values in row order, of the column's raw type.</summary>
internal abstract class ColumnStore
{
    protected ColumnStore(DataViewSchema.Column column) => Column = column;

    public DataViewSchema.Column Column { get; }

    public abstract int Count { get; }

    /// <summary>Single, Double or an integer type: a column SMOTE interpolates and measures distances on.</summary>
    public bool IsNumeric => Column.Type is NumberDataViewType;

    public static ColumnStore For(DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        var store = raw.IsGenericType && raw.GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? typeof(VectorColumnStore<>).MakeGenericType(raw.GetGenericArguments()[0])
            : typeof(ScalarColumnStore<>).MakeGenericType(raw);
        return (ColumnStore)Activator.CreateInstance(store, column)!;
    }

    public abstract ColumnStore EmptyLike();

    /// <summary>An action that appends the cursor's current value of <paramref name="source"/>.</summary>
    public abstract Action Reader(DataViewRow cursor, DataViewSchema.Column source);

    /// <summary>Appends the column type's missing value (NaN, empty text, key 0, or the type's default).</summary>
    public abstract void AppendMissing();

    public abstract void AppendCopy(ColumnStore from, int row);

    /// <summary>A numeric column's value as a double (NaN for a missing one).</summary>
    public abstract double ValueAsDouble(int row);

    /// <summary>Appends a number to a numeric column, rounded to the nearest integer for an integer type.</summary>
    public abstract void AppendNumber(double value);

    /// <summary>A row getter reading the row that <paramref name="currentRow"/> names.</summary>
    public abstract Delegate Getter(Func<int> currentRow);
}

internal sealed class ScalarColumnStore<T> : ColumnStore
{
    private readonly List<T> _values = new();

    public ScalarColumnStore(DataViewSchema.Column column) : base(column) { }

    public override int Count => _values.Count;

    public override ColumnStore EmptyLike() => new ScalarColumnStore<T>(Column);

    public override Action Reader(DataViewRow cursor, DataViewSchema.Column source)
    {
        var getter = cursor.GetGetter<T>(source);
        T value = default!;
        return () =>
        {
            getter(ref value);
            _values.Add(value);
        };
    }

    public override void AppendMissing() => _values.Add(Missing());

    public override void AppendCopy(ColumnStore from, int row) => _values.Add(((ScalarColumnStore<T>)from)._values[row]);

    public override double ValueAsDouble(int row) => _values[row] switch
    {
        float f => f,
        double d => d,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Column '{Column.Name}' ({Column.Type}) is not numeric."),
    };

    public override void AppendNumber(double value)
    {
        object boxed = typeof(T) == typeof(float) ? (float)value
            : typeof(T) == typeof(double) ? value
            : Convert.ChangeType(Math.Round(value, MidpointRounding.AwayFromZero), typeof(T), CultureInfo.InvariantCulture);
        _values.Add((T)boxed);
    }

    public override Delegate Getter(Func<int> currentRow) => (ValueGetter<T>)((ref T value) => value = _values[currentRow()]);

    private static T Missing()
    {
        object? missing = typeof(T) == typeof(float) ? float.NaN
            : typeof(T) == typeof(double) ? double.NaN
            : typeof(T) == typeof(ReadOnlyMemory<char>) ? ReadOnlyMemory<char>.Empty
            : default(T);
        return (T)missing!;
    }
}

internal sealed class VectorColumnStore<TItem> : ColumnStore
{
    private readonly List<VBuffer<TItem>> _values = new();

    public VectorColumnStore(DataViewSchema.Column column) : base(column) { }

    public override int Count => _values.Count;

    public override ColumnStore EmptyLike() => new VectorColumnStore<TItem>(Column);

    public override Action Reader(DataViewRow cursor, DataViewSchema.Column source)
    {
        var getter = cursor.GetGetter<VBuffer<TItem>>(source);
        VBuffer<TItem> value = default;
        return () =>
        {
            getter(ref value);
            VBuffer<TItem> copy = default;
            value.CopyTo(ref copy);
            _values.Add(copy);
        };
    }

    public override void AppendMissing() => _values.Add(new VBuffer<TItem>((Column.Type as VectorDataViewType)?.Size ?? 0, 0, Array.Empty<TItem>(), Array.Empty<int>()));

    public override void AppendCopy(ColumnStore from, int row) => _values.Add(((VectorColumnStore<TItem>)from)._values[row]);

    public override double ValueAsDouble(int row) => throw new InvalidOperationException($"Column '{Column.Name}' is a vector.");

    public override void AppendNumber(double value) => throw new InvalidOperationException($"Column '{Column.Name}' is a vector.");

    // Stored buffers are shared between rows that copy them, so a getter hands out a copy the caller may overwrite.
    public override Delegate Getter(Func<int> currentRow) => (ValueGetter<VBuffer<TItem>>)((ref VBuffer<TItem> value) => _values[currentRow()].CopyTo(ref value));
}

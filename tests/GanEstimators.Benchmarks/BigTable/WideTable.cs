using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks.BigTable;

/// <summary>
/// A realistic wide table of any length, generated on the fly as an <see cref="IDataView"/> (nothing is held: every
/// value is a pure function of the seed, the row and the column, so each cursor sees the same rows and 10 million rows
/// cost no memory). 12 numeric columns with skew, point masses, integer grids and missing values (NaN), 6 text columns
/// of 2 to 5,000 levels with Zipf-skewed frequencies (one with missing values), and a date.
/// </summary>
internal sealed class WideTable : IDataView
{
    private readonly long _rows;
    private readonly ulong _seed;

    public WideTable(long rows, int seed)
    {
        _rows = rows;
        _seed = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        var builder = new DataViewSchema.Builder();
        foreach (var name in NumericNames) builder.AddColumn(name, NumberDataViewType.Single);
        foreach (var category in Categories) builder.AddColumn(category.Name, TextDataViewType.Instance);
        builder.AddColumn("opened", DateTimeDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public static readonly string[] NumericNames =
        { "amount", "balance", "age", "score", "ratio", "items", "temperature", "latency", "discount", "income", "longitude", "duration" };

    private static readonly CategoryColumn[] Categories =
    {
        new("flag", 2, 0.0, 0.0), new("segment", 5, 0.8, 0.0), new("region", 50, 1.0, 0.0),
        new("product", 300, 1.1, 0.0), new("store", 1_000, 1.0, 0.0), new("city", 5_000, 1.2, 0.03),
    };

    public static IEnumerable<string> ColumnNames => NumericNames.Concat(Categories.Select(c => c.Name)).Append("opened");

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>A uniform double in [0, 1) for (row, column, draw): SplitMix64 of the three.</summary>
    private double Uniform(long row, int column, int draw = 0)
    {
        var z = _seed + (ulong)row * 0xBF58476D1CE4E5B9UL + (ulong)(column * 8 + draw) * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private double Normal(long row, int column, int draw = 0)
    {
        var u1 = 1 - Uniform(row, column, draw);
        var u2 = Uniform(row, column, draw + 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private float Numeric(long row, int column)
    {
        var u = Uniform(row, column, 7);
        return column switch
        {
            0 => u < 0.05 ? float.NaN : (float)Math.Round(Math.Exp(3 + 1.2 * Normal(row, column)), 2),        // amount: lognormal, 5 % missing
            1 => u < 0.30 ? 0f : u < 0.32 ? float.NaN : (float)Math.Round(Math.Exp(7 + Normal(row, column)), 2), // balance: 30 % zero
            2 => (float)Math.Clamp(Math.Round(40 + 14 * Normal(row, column)), 18, 90),                           // age: integer grid
            3 => (float)(u < 0.6 ? 620 + 40 * Normal(row, column) : 760 + 25 * Normal(row, column)),             // score: bimodal
            4 => u < 0.15 ? 1f : (float)Math.Pow(Uniform(row, column), 2),                                        // ratio: mass at 1, skewed
            5 => u < 0.40 ? 0f : (float)Math.Floor(-3 * Math.Log(1 - Uniform(row, column))) + 1,                  // items: zero-inflated counts
            6 => (float)Math.Round(15 + 8 * Normal(row, column), 1),                                              // temperature: 0.1 grid
            7 => (float)(5 / Math.Pow(1 - Uniform(row, column), 1 / 1.5)),                                       // latency: Pareto tail
            8 => u < 0.5 ? 0f : u < 0.7 ? 0.1f : (float)Uniform(row, column) * 0.5f,                              // discount: two point masses
            9 => u < 0.10 ? float.NaN : (float)Math.Exp(10.5 + 0.7 * Normal(row, column)),                       // income: lognormal, 10 % missing
            10 => (float)(-120 + 50 * Uniform(row, column)),                                                      // longitude: uniform
            _ => (float)(-20 * Math.Log((1 - Uniform(row, column)) * (1 - Uniform(row, column, 3)))),           // duration: gamma(2)
        };
    }

    private ReadOnlyMemory<char> Category(long row, int index)
    {
        var category = Categories[index];
        var u = Uniform(row, 100 + index);
        if (u < category.Missing) return ReadOnlyMemory<char>.Empty;
        return category.Levels[category.Draw(Uniform(row, 100 + index, 1))];
    }

    private DateTime Date(long row)
    {
        // Four years of days, busier on weekdays and towards the end.
        var day = (int)(1461 * Math.Sqrt(Uniform(row, 200)));
        var date = new DateTime(2020, 1, 1).AddDays(day);
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && Uniform(row, 200, 1) < 0.5 ? date.AddDays(2) : date;
    }

    private sealed class CategoryColumn
    {
        private readonly double[] _cumulative;

        public CategoryColumn(string name, int levels, double zipf, double missing)
        {
            Name = name;
            Missing = missing;
            Levels = Enumerable.Range(0, levels).Select(i => $"{name}-{i}".AsMemory()).ToArray();
            _cumulative = new double[levels];
            var total = 0.0;
            for (var i = 0; i < levels; i++) _cumulative[i] = total += 1 / Math.Pow(i + 1, zipf);
            for (var i = 0; i < levels; i++) _cumulative[i] /= total;
        }

        public string Name { get; }

        public double Missing { get; }

        public ReadOnlyMemory<char>[] Levels { get; }

        public int Draw(double u)
        {
            var i = Array.BinarySearch(_cumulative, u);
            return Math.Min(i >= 0 ? i : ~i, Levels.Length - 1);
        }
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly WideTable _table;
        private long _position = -1;

        public Cursor(WideTable table) => _table = table;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _table.Schema;

        public override bool MoveNext() => ++_position < _table._rows;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var i = column.Index;
            Delegate getter = i < NumericNames.Length
                ? (ValueGetter<float>)((ref float v) => v = _table.Numeric(_position, i))
                : i < NumericNames.Length + Categories.Length
                    ? (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = _table.Category(_position, i - NumericNames.Length))
                    : (ValueGetter<DateTime>)((ref DateTime v) => v = _table.Date(_position));
            return (ValueGetter<TValue>)getter;
        }
    }
}

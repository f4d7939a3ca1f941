using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanEstimators.Inference;

/// <summary>
/// Column inference for a data view: its columns' types are given, so one pass over the rows only counts missing and
/// distinct values (text and integer columns) and integer ranges, for the ID and few-levels rules.
/// </summary>
internal static class DataViewColumnInference
{
    public static GanColumnInferenceResults Infer(IHostEnvironment environment, IDataView data, GanColumnInferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var schemaColumns = data.Schema.Where(c => !c.IsHidden).ToArray();
        ColumnInference.CheckNamedColumns(options, schemaColumns.Select(c => c.Name).ToArray(), "the data");
        foreach (var name in options.CategoricalColumnNames)
        {
            var column = schemaColumns.First(c => c.Name == name);
            if (KindOf(column.Type) is not (GanColumnKind.Text or GanColumnKind.Boolean or GanColumnKind.Key or GanColumnKind.WholeNumber))
                throw new ArgumentException($"CategoricalColumnNames: column '{name}' is {column.Type}; text, Boolean, key and integer columns can be categories (convert it first).", nameof(options));
        }
        var counters = schemaColumns.Select(c => ValueCounter.For(c, KindOf(c.Type))).ToArray();
        long rows = 0;
        using (var cursor = data.GetRowCursor(schemaColumns.Where((_, i) => counters[i] is not null)))
        {
            var readers = counters.Select((counter, i) => counter?.Reader(cursor, schemaColumns[i])).OfType<Action>().ToArray();
            while (cursor.MoveNext())
            {
                rows++;
                foreach (var read in readers) read();
            }
        }
        if (rows == 0) throw new ArgumentException("The data has no rows to infer column types from.", nameof(data));
        var columns = schemaColumns.Select((c, i) =>
        {
            var counter = counters[i];
            var evidence = new ColumnEvidence(c.Name, c.Index, KindOf(c.Type), c.Type, rows, counter?.Missing ?? 0, counter?.Distinct, counter?.AllDifferent ?? false, counter?.Minimum, counter?.Maximum);
            return ColumnDecision.Decide(evidence, options);
        }).ToArray();
        return ColumnInference.Results(environment, "The data", columns, data, rows, loader: null, loaderOptions: null);
    }

    private static GanColumnKind KindOf(DataViewType type) => type switch
    {
        TextDataViewType => GanColumnKind.Text,
        BooleanDataViewType => GanColumnKind.Boolean,
        DateTimeDataViewType => GanColumnKind.Date,
        KeyDataViewType key when key.RawType == typeof(uint) => GanColumnKind.Key,
        VectorDataViewType { IsKnownSize: true } vector when vector.ItemType == NumberDataViewType.Single => GanColumnKind.Vector,
        NumberDataViewType when type.RawType == typeof(float) || type.RawType == typeof(double) => GanColumnKind.Number,
        NumberDataViewType => GanColumnKind.WholeNumber,
        _ => GanColumnKind.Other,
    };

    /// <summary>Counts one column's missing and distinct values and its integer range, reading it through a cursor.</summary>
    private abstract class ValueCounter
    {
        public long Missing { get; protected set; }

        public abstract int? Distinct { get; }

        public abstract bool AllDifferent { get; }

        public long? Minimum { get; protected set; }

        public long? Maximum { get; protected set; }

        public abstract Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column);

        public static ValueCounter? For(DataViewSchema.Column column, GanColumnKind kind) => kind switch
        {
            GanColumnKind.Text => new Counter<ReadOnlyMemory<char>, string>(v => v.IsEmpty ? null : v.ToString()),
            GanColumnKind.Number when column.Type.RawType == typeof(float) => new Counter<float, string>(v => float.IsNaN(v) ? null : ""),
            GanColumnKind.Number => new Counter<double, string>(v => double.IsNaN(v) ? null : ""),
            GanColumnKind.Date => new Counter<DateTime, string>(v => v == default ? null : ""),
            GanColumnKind.WholeNumber => Integer(column.Type.RawType),
            _ => null,
        };

        private static ValueCounter Integer(Type raw) =>
            raw == typeof(sbyte) ? new IntegerCounter<sbyte>(v => v)
            : raw == typeof(byte) ? new IntegerCounter<byte>(v => v)
            : raw == typeof(short) ? new IntegerCounter<short>(v => v)
            : raw == typeof(ushort) ? new IntegerCounter<ushort>(v => v)
            : raw == typeof(int) ? new IntegerCounter<int>(v => v)
            : raw == typeof(uint) ? new IntegerCounter<uint>(v => v)
            : raw == typeof(long) ? new IntegerCounter<long>(v => v)
            : new IntegerCounter<ulong>(v => v > long.MaxValue ? long.MaxValue : (long)v);

        /// <summary>Values mapped to a key (null: missing); numbers and dates only count missing values (an empty key).</summary>
        private sealed class Counter<TRaw, TKey>(Func<TRaw, TKey?> key) : ValueCounter where TKey : class
        {
            private readonly DistinctValues<TKey> _distinct = new();
            private bool _countsDistinct = typeof(TRaw) == typeof(ReadOnlyMemory<char>);

            public override int? Distinct => _countsDistinct ? _distinct.Count : null;

            public override bool AllDifferent => _countsDistinct && _distinct.AllDifferent;

            public override Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
            {
                var getter = cursor.GetGetter<TRaw>(column);
                TRaw value = default!;
                return () =>
                {
                    getter(ref value);
                    if (key(value) is not { } k) Missing++;
                    else if (_countsDistinct) _distinct.Add(k);
                };
            }
        }

        private sealed class IntegerCounter<TRaw>(Func<TRaw, long> toLong) : ValueCounter
        {
            private readonly DistinctValues<long> _distinct = new();

            public override int? Distinct => _distinct.Count;

            public override bool AllDifferent => _distinct.AllDifferent;

            public override Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
            {
                var getter = cursor.GetGetter<TRaw>(column);
                TRaw value = default!;
                return () =>
                {
                    getter(ref value);
                    var whole = toLong(value);
                    _distinct.Add(whole);
                    Minimum = Math.Min(Minimum ?? whole, whole);
                    Maximum = Math.Max(Maximum ?? whole, whole);
                };
            }
        }
    }
}

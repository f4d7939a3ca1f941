using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Sampling.Calibration;

// A chunk's draws under the pairs: the penalties (or calibrated tables) added to a column's logits, and the values settled.
internal sealed partial class SeenPairs
{
    /// <summary>
    /// One chunk's draws: what each row's columns are known to be so far. A column its row's condition fixes takes the
    /// condition's value (the values drawn after it are restricted or calibrated by that value, so it must be the one
    /// written). Linked pairs act only with calibrated tables; without them the draws are those of the kept pairs alone.
    /// </summary>
    public sealed class Draws : Networks.ISequentialCategoryDraws, IDisposable
    {
        private readonly SeenPairs _pairs;
        private readonly IReadOnlyList<Tensor>? _tables;
        private readonly Tensor?[] _known;   // per column: (rows) of slots, the pair's unknown row where not known; null = none known
        private readonly Tensor?[] _fixed;   // per feature column in a pair: (rows) of the slot its condition fixes, its width where none

        // Kept pairs act always; a linked pair has no penalties, so it acts only with calibrated tables.
        private bool Acts(Pair pair) => !pair.Linked || _tables is not null;

        internal Draws(SeenPairs pairs, int[][] known, IReadOnlyList<Tensor>? tables)
        {
            if (tables is not null && tables.Count != pairs._pairs.Length)
                throw new ArgumentException($"Expected one table per kept or linked pair ({pairs._pairs.Length}), got {tables.Count}.", nameof(tables));
            _pairs = pairs;
            _tables = tables;
            _known = new Tensor?[pairs.ColumnCount];
            _fixed = new Tensor?[pairs.ColumnCount];
            var device = pairs._pairs[0].Penalties.device;
            for (var c = 0; c < pairs.ColumnCount; c++)
            {
                if (!known[c].Any(v => v >= 0)) continue;
                // A value not known yet selects each pair table's last row.
                if (pairs._pairs.Where(Acts).FirstOrDefault(p => p.Known == c) is { } asKnown)
                    _known[c] = Slots(known[c], asKnown.UnknownRow, device);
                if (c != pairs.LabelColumn && pairs._pairs.Where(Acts).Any(p => p.Drawn == c))
                    _fixed[c] = Slots(known[c], Width(c), device);
            }
        }

        public Tensor Adjust(int spanOffset, Tensor logits)
        {
            var column = ColumnAt(spanOffset);
            if (column < 0) return logits;
            Tensor? adjusted = null;
            for (var p = 0; p < _pairs._pairs.Length; p++)
            {
                var pair = _pairs._pairs[p];
                if (!Acts(pair) || pair.Drawn != column || _known[pair.Known] is not { } known) continue;
                using var penalties = (_tables?[p] ?? pair.Penalties).index_select(0, known);
                adjusted = adjusted is null ? logits.Plus(penalties) : adjusted.add_(penalties, TorchScalars.One);
            }
            if (adjusted is null) return logits;
            using var penalised = adjusted;
            using var lowest = adjusted.amax(new long[] { 1 }, keepdim: true).sub_(LowestBelowLargestScalar);
            return penalised.maximum(lowest);
        }

        /// <summary>
        /// The pairs that act on the column at <paramref name="spanOffset"/> now: each with the row's known slot (its
        /// <c>Unknown</c> slot where the value is not known yet), whether it acts in every row, and whether it is linked.
        /// </summary>
        public IEnumerable<(int Pair, Tensor KnownSlots, long Unknown, bool KnownFirst, bool Linked)> Acting(int spanOffset)
        {
            var column = ColumnAt(spanOffset);
            for (var p = 0; p < _pairs._pairs.Length; p++)
            {
                var pair = _pairs._pairs[p];
                if (Acts(pair) && pair.Drawn == column && _known[pair.Known] is { } known) yield return (p, known, pair.UnknownRow, pair.KnownFirst, pair.Linked);
            }
        }

        public Tensor Settle(int spanOffset, Tensor drawn)
        {
            var column = ColumnAt(spanOffset);
            if (column < 0) return drawn;
            var slots = drawn;
            if (_fixed[column] is { } fixedSlots)
            {
                using var width = Width(column).ToScalar();
                using var isFixed = fixedSlots.lt(width).unsqueeze(1);
                using var fixedColumn = fixedSlots.unsqueeze(1);
                slots = where(isFixed, fixedColumn, drawn);
            }
            if (_pairs._pairs.Where(Acts).Any(p => p.Known == column))
            {
                _known[column]?.Dispose();
                _known[column] = slots.squeeze(1).clone();
            }
            return slots;
        }

        private long Width(int column) => _pairs.Categories.Columns[column].Width;

        // One row's slot per row, with unknown (-1) values as the given stand-in.
        private static Tensor Slots(int[] values, long unknown, Device device) =>
            tensor(values.Select(v => v >= 0 ? (long)v : unknown).ToArray()).to(device);

        private int ColumnAt(int spanOffset)
        {
            var columns = _pairs.Categories.Columns;
            for (var c = 0; c < columns.Count; c++)
                if (columns[c].Width > 0 && columns[c].EncodedOffset == spanOffset) return c;
            return -1;
        }

        public void Dispose()
        {
            foreach (var known in _known) known?.Dispose();
            foreach (var fixedSlots in _fixed) fixedSlots?.Dispose();
        }
    }
}

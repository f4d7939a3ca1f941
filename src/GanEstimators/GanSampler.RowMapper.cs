using System.Runtime.CompilerServices;
using GanEstimators.Conditioning;
using GanEstimators.Encoding;
using GanEstimators.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanEstimators;

// Transform: one synthetic row per input row, through ML.NET's row mapper.
public sealed partial class GanSampler
{
    /// <summary>One generator forward pass per input row, seeded by the row's id, shared by every output column of that row.</summary>
    private sealed class Mapper : MapperBase
    {
        private readonly GanSampler _parent;
        private readonly int _conditionIndex = -1;
        private readonly ConditionalWeakTable<DataViewRow, RowState> _rows = new();

        public Mapper(GanSampler parent, DataViewSchema inputSchema)
            : base(parent.Host.Register(nameof(Mapper)), inputSchema, parent)
        {
            _parent = parent;
            if (parent._generator.Condition is { } condition)
            {
                var column = inputSchema.GetColumnOrNull(condition.ColumnName)
                    ?? throw new ArgumentException($"Condition column '{condition.ColumnName}' is missing from the input; this GAN is conditional and generates one row per input row of the requested class.", nameof(inputSchema));
                if (column.Type.RawType != condition.Type.RawType || !ConditionEncoder.IsSupported(column.Type))
                    throw new ArgumentException($"Condition column '{condition.ColumnName}' has type {column.Type}; the GAN was trained on {condition.Type}.", nameof(inputSchema));
                _conditionIndex = column.Index;
            }
            ReportHiddenInputColumns(parent, inputSchema);
        }

        // ML.NET's convention: an output column hides an input column of the same name, which stays in the schema
        // (IsHidden) but is no longer reachable by name. Said, not silent, because the input's values look alike.
        private static void ReportHiddenInputColumns(GanSampler parent, DataViewSchema inputSchema)
        {
            var hidden = parent.FeatureColumnNames.Where(name => inputSchema.GetColumnOrNull(name) is not null).ToArray();
            if (hidden.Length == 0) return;
            using var channel = parent.Host.Start("Transform");
            channel.Warning(
                $"Transform's synthetic columns hide the input's own columns of the same name ({string.Join(", ", hidden.Select(n => $"'{n}'"))}): "
                + "they stay in the output schema as hidden columns, and reading a column by name gives the synthetic values. "
                + "To keep both under names of their own, copy or rename the input's columns first (ml.Transforms.CopyColumns).");
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumnsCore() =>
            _parent._generator.Features.Columns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type)).ToArray();

        protected override Func<int, bool> GetDependenciesCore(Func<int, bool> activeOutput)
        {
            var anyActive = Enumerable.Range(0, _parent._generator.Features.Columns.Count).Any(activeOutput);
            return column => anyActive && column == _conditionIndex;
        }

        protected override Delegate MakeGetter(DataViewRow input, int iinfo, Func<int, bool> activeOutput, out Action disposer)
        {
            disposer = null!;
            var state = _rows.GetValue(input, row => new RowState(_parent, row, _conditionIndex));
            var encoders = _parent._generator.Features;
            var column = encoders.Columns[iinfo];
            return column.MakeGetter(state.Current, encoders.RawOffsetOf(iinfo));
        }

        protected override void SaveModel(ModelSaveContext ctx) => _parent.SaveModel(ctx);
    }

    // The noise is keyed on the input row's id, not its position: under a cursor set each cursor counts positions
    // from 0 over the rows it happens to get, so positions change from pass to pass; ids do not.
    private sealed class RowState(GanSampler parent, DataViewRow row, int conditionIndex)
    {
        private readonly Func<string?>? _condition = conditionIndex < 0 ? null
            : CategoryText.For(row.Schema[conditionIndex]).MakeReader(row, row.Schema[conditionIndex]);
        private readonly ValueGetter<DataViewRowId> _id = row.GetIdGetter();
        private long _position = -1;
        private float[] _values = Array.Empty<float>();

        public float[] Current()
        {
            if (_position == row.Position) return _values;
            var id = default(DataViewRowId);
            _id(ref id);
            var classes = _condition is null ? null : new[] { parent._generator.Condition!.IndexOfRowValue(_condition(), row.Position) };
            using var random = new TorchSharp.torch.Generator(RowSeeds.ForRow(parent.Seed, id));
            _values = parent._generator.Generate(1, GenerationRequest.ForClasses(classes) with { FirstRow = row.Position }, random);
            _position = row.Position;
            return _values;
        }
    }
}

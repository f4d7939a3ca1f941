using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Sampling;

/// <summary>
/// A getter that stays valid while the row it reads from changes source (the real data's cursor, then one synthetic
/// chunk after another, or one generated chunk after another): consumers fetch getters once, the cursor rebinds
/// them underneath.
/// </summary>
internal abstract class ColumnForwarder
{
    public static ColumnForwarder For(DataViewType type) =>
        (ColumnForwarder)Activator.CreateInstance(typeof(ColumnForwarder<>).MakeGenericType(type.RawType))!;

    public abstract void Bind(DataViewRow source, DataViewSchema.Column column);

    public abstract void Unbind();
}

internal sealed class ColumnForwarder<T> : ColumnForwarder
{
    private ValueGetter<T>? _source;

    public override void Bind(DataViewRow source, DataViewSchema.Column column) => _source = source.GetGetter<T>(column);

    public override void Unbind() => _source = null;

    public void Get(ref T value) =>
        (_source ?? throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.")).Invoke(ref value);
}

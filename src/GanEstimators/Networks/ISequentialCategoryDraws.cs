using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// Lets a categorical draw depend on the categories already drawn in the same row: <see cref="OutputHeads.ApplyForSampling"/>
/// draws softmax spans in output order, asks <see cref="Adjust"/> for each span's logits first and reports each draw
/// to <see cref="Record"/>.
/// </summary>
internal interface ISequentialCategoryDraws
{
    /// <summary>The logits to draw the span at <paramref name="spanOffset"/> from (the same tensor when nothing applies).</summary>
    Tensor Adjust(int spanOffset, Tensor logits);

    /// <summary>The slot drawn in each row for the span at <paramref name="spanOffset"/>, shape (rows, 1).</summary>
    void Record(int spanOffset, Tensor slots);
}

using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// Lets a categorical draw depend on the categories already drawn in the same row: <see cref="OutputHeads.ApplyForSampling"/>
/// draws softmax spans in output order, asks <see cref="Adjust"/> for each span's logits first and writes the slots
/// <see cref="Settle"/> returns for each draw.
/// </summary>
internal interface ISequentialCategoryDraws
{
    /// <summary>The logits to draw the span at <paramref name="spanOffset"/> from (the same tensor when nothing applies).</summary>
    Tensor Adjust(int spanOffset, Tensor logits);

    /// <summary>
    /// The slots to write for the span at <paramref name="spanOffset"/>, shape (rows, 1), given the ones drawn: the same
    /// tensor, or a new one where some rows' slots are fixed otherwise.
    /// </summary>
    Tensor Settle(int spanOffset, Tensor drawn);
}

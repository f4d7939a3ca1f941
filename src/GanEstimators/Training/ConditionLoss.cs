using GanEstimators.Conditioning;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Training;

/// <summary>
/// CTGAN's conditional loss: cross-entropy between the generator's logits for the column its conditional vector chose
/// and the chosen slot, summed over the batch and divided by its size. Without it the generator may ignore the vector.
/// </summary>
internal static class ConditionLoss
{
    public static Tensor? Compute(Tensor logits, ConditionTargets? targets, ConditionalVector? categories)
    {
        if (targets is null || categories is null) return null;
        Tensor? total = null;
        var column = 0;
        foreach (var (offset, width) in categories.Spans)
        {
            var rows = new List<long>();
            var slots = new List<long>();
            for (var i = 0; i < targets.Columns.Length; i++)
            {
                if (targets.Columns[i] != column) continue;
                rows.Add(i);
                slots.Add(targets.Slots[i]);
            }
            column++;
            if (rows.Count == 0) continue;
            var chosen = logits.index_select(0, tensor(rows.ToArray()).to(logits.device)).narrow(1, offset, width);
            var loss = F.cross_entropy(chosen, tensor(slots.ToArray()).to(logits.device), reduction: nn.Reduction.Sum);
            total = total is null ? loss : total.Plus(loss);
        }
        if (total is null) return null;
        using var batchRows = ((double)targets.Columns.Length).ToScalar();
        return total / batchRows;
    }
}

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
    public static Tensor? Compute(Tensor logits, ConditionTargets? targets, ConditionalVector? categories) => targets switch
    {
        null => null,
        _ when categories is null => null,
        HostConditionTargets host => OnHostTargets(logits, host, categories),
        DeviceConditionTargets device => OnDeviceTargets(logits, device, categories),
        _ => throw new ArgumentOutOfRangeException(nameof(targets)),
    };

    /// <summary>The rows of each column are gathered on the host and their cross-entropy taken on those rows alone.</summary>
    private static Tensor? OnHostTargets(Tensor logits, HostConditionTargets targets, ConditionalVector categories)
    {
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
        using var batchRows = ((double)targets.Count).ToScalar();
        return total / batchRows;
    }

    /// <summary>
    /// The same sum without leaving the device: each column's cross-entropy (logsumexp − the chosen logit) is taken on
    /// every row and masked to the rows that chose the column, so no row list is built on the host.
    /// </summary>
    private static Tensor? OnDeviceTargets(Tensor logits, DeviceConditionTargets targets, ConditionalVector categories)
    {
        Tensor? total = null;
        var column = 0L;
        foreach (var (offset, width) in categories.Spans)
        {
            var x = logits.narrow(1, offset, width);
            using var lastSlot = ((long)(width - 1)).ToScalar();
            var chosen = x.gather(1, targets.Slots.clamp_max(lastSlot).unsqueeze(1)).squeeze(1);
            using var index = (column++).ToScalar();
            var mask = targets.Columns.eq(index).to(logits.dtype);
            var loss = ((x.logsumexp(1) - chosen) * mask).sum();
            total = total is null ? loss : total.Plus(loss);
        }
        if (total is null) return null;
        using var batchRows = ((double)targets.Count).ToScalar();
        return total / batchRows;
    }
}

using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>What the generator must honour in a batch: for each row, the categorical column and slot its conditional vector set.</summary>
internal abstract record ConditionTargets
{
    /// <summary>Rows in the batch.</summary>
    public abstract long Count { get; }
}

/// <summary>Targets drawn on the host (C# arrays), as CPU training draws them.</summary>
internal sealed record HostConditionTargets(int[] Columns, int[] Slots) : ConditionTargets
{
    public override long Count => Columns.Length;
}

/// <summary>Targets drawn on the device (int64 tensors), with device draws (<see cref="TrainingRandom"/>).</summary>
internal sealed record DeviceConditionTargets(Tensor Columns, Tensor Slots) : ConditionTargets
{
    public override long Count => Columns.shape[0];
}

using System.Runtime.CompilerServices;
using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Training;

/// <summary>
/// The encoders and the encoded training rows (<see cref="TrainingInput"/> read and encoded). The raw table read on
/// the way is dropped here, so a large table is not held twice while training.
/// </summary>
internal sealed record EncodedInput(TableEncoder Encoder, ConditionEncoder? Condition, EncodedRows Rows)
{
    private const long LargeRawTableBytes = 256L << 20;

    public static EncodedInput Read(IDataView input, GanTrainingPlan plan, GanTrainer.Options options, IChannel channel)
    {
        var (encoded, rawBytes) = ReadAndEncode(input, plan, options, channel);
        // The raw table is garbage once ReadAndEncode returns: collect a large one now and give its memory back to the
        // system (an aggressive collection decommits it), so the peak is not the raw and encoded tables, the sampling
        // structures and the networks together.
        if (rawBytes >= LargeRawTableBytes) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return encoded;
    }

    // Not inlined, so that nothing in Read's frame still references the raw table when it collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (EncodedInput Encoded, long RawBytes) ReadAndEncode(IDataView input, GanTrainingPlan plan, GanTrainer.Options options, IChannel channel)
    {
        var data = TrainingInput.Read(input, plan, options, channel);
        var classes = data.Condition is null ? null : data.Table.Conditions!.Select(data.Condition.IndexOf).ToArray();
        var rows = EncodedRows.Encode(data.Encoder, data.Table, plan.Seed, classes, data.Condition?.Count ?? 0);
        return (new EncodedInput(data.Encoder, data.Condition, rows), (long)data.Table.Raw.Length * sizeof(float));
    }
}

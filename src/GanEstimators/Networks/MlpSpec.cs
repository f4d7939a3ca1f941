using GanEstimators.Serialization;

namespace GanEstimators.Networks;

/// <summary>The shape of a multilayer perceptron: what it takes (input plus optional one-hot condition), its hidden widths and what it returns.</summary>
internal sealed record MlpSpec(int InputWidth, int ConditionWidth, int[] HiddenSizes, int OutputWidth)
{
    public void Save(BinaryWriter writer)
    {
        writer.Write(InputWidth);
        writer.Write(ConditionWidth);
        writer.Write(HiddenSizes.Length);
        foreach (var h in HiddenSizes) writer.Write(h);
        writer.Write(OutputWidth);
    }

    public static MlpSpec Load(BinaryReader reader)
    {
        var input = reader.ReadInt32InRange("network input width", 1, int.MaxValue);
        var condition = reader.ReadInt32InRange("network condition width", 0, int.MaxValue);
        var hidden = new int[reader.ReadCount("number of hidden layers", ModelLimits.MaxHiddenLayers, bytesPerItem: 4)];
        for (var i = 0; i < hidden.Length; i++) hidden[i] = reader.ReadInt32InRange("hidden layer width", 1, ModelLimits.MaxLayerWidth);
        return new MlpSpec(input, condition, hidden, reader.ReadInt32InRange("network output width", 1, int.MaxValue));
    }
}

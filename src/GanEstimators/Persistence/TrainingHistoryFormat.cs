using GanEstimators.Serialization;

namespace GanEstimators.Persistence;

/// <summary>How a <see cref="GanTrainingHistory"/> is written in a saved model: epochs' metrics, diagnoses, the selected epoch.</summary>
internal static class TrainingHistoryFormat
{
    public static void Save(GanTrainingHistory history, BinaryWriter writer)
    {
        writer.Write(history.Epochs.Count);
        foreach (var e in history.Epochs)
        {
            writer.Write(e.Epoch);
            var values = e.Values();
            writer.Write(values.Length);
            foreach (var v in values) writer.Write(v);
        }
        writer.Write(history.Diagnoses.Count);
        foreach (var d in history.Diagnoses)
        {
            writer.Write(d.Epoch);
            writer.Write((int)d.Problem);
            writer.Write(d.Evidence);
            writer.Write(d.Remedy);
        }
        writer.Write(history.SelectedEpoch);
        writer.Write(history.StoppedEarly);
    }

    public static GanTrainingHistory Load(BinaryReader reader)
    {
        var history = new GanTrainingHistory();
        var count = reader.ReadCount("number of epochs in the training history", ModelLimits.MaxEpochs, bytesPerItem: 8);
        for (var i = 0; i < count; i++)
        {
            var epoch = reader.ReadInt32();
            var values = new double[reader.ReadCount("number of metrics of an epoch", ModelLimits.MaxEpochMetrics, bytesPerItem: 8, min: 10)];
            for (var j = 0; j < values.Length; j++) values[j] = reader.ReadDouble();
            history.Add(GanEpochMetrics.FromValues(epoch, values));
        }
        var diagnoses = reader.ReadCount("number of diagnoses in the training history", ModelLimits.MaxDiagnoses, bytesPerItem: 10);
        for (var i = 0; i < diagnoses; i++)
            history.Add(new GanDiagnosis(reader.ReadInt32(), reader.ReadEnum<GanProblem>("diagnosed problem"),
                reader.ReadBoundedString("diagnosis evidence"), reader.ReadBoundedString("diagnosis remedy")));
        history.SelectedEpoch = reader.ReadInt32();
        history.StoppedEarly = reader.ReadBoolean();
        return history;
    }
}

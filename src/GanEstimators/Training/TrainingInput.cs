using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Training;

/// <summary>
/// The training table read from the data, with the feature and condition encoders it is encoded by: fitted on it for
/// a fresh run, a copy of the resumed sampler's otherwise (reading never changes an encoder, and the given sampler
/// stays as it was).
/// </summary>
internal sealed record TrainingInput(TableEncoder Encoder, TrainingTable Table, ConditionEncoder? Condition)
{
    public static TrainingInput Read(IDataView input, GanTrainingPlan plan, GanTrainer.Options options, IChannel channel)
    {
        var resumed = plan.Resume;
        var encoder = resumed?.Features.Copy() ?? ColumnEncoderFactory.Create(plan.Features, options, plan.Network.Architecture);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = TrainingTableReader.Read(input, plan.Features, encoder, plan.ConditionColumn, options.MaxTrainingRows, plan.Seed);
        if (table.RowsRead > table.Rows)
            channel.Info($"MaxTrainingRows {options.MaxTrainingRows}: training on a uniform sample of {table.Rows} of the {table.RowsRead} rows read (seed {plan.Seed}).");
        if (resumed is null)
        {
            if (table.Rows > options.EncoderFittingRows)
                channel.Info($"EncoderFittingRows {options.EncoderFittingRows}: the numeric columns' mixtures are fitted to a uniform sample of {options.EncoderFittingRows} of the {table.Rows} rows.");
            var read = clock.Elapsed.TotalSeconds;
            encoder.Fit(table, plan.Seed, options.EncoderFittingRows);
            channel.Info($"Read {table.Rows} rows in {read:F2} s; fitted the encoders in {clock.Elapsed.TotalSeconds - read:F2} s.");
            foreach (var note in encoder.Columns.OfType<CategoricalEncoder>().Select(c => c.PoolingNote(table.Rows)).OfType<string>())
                channel.Warning(note);
        }
        var condition = resumed?.Condition ?? (plan.ConditionColumn is { } c
            ? ConditionEncoder.Fit(c, table.Conditions!)
            : null);
        return new TrainingInput(encoder, table, condition);
    }
}

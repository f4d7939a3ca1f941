using GanEstimators;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>The flights-20k train split (16,000 rows; date, delay, distance, 220 + 223 airports) and CTGAN's settings, as the tabular benchmarks use them.</summary>
internal static class Flights
{
    public static readonly string[] Columns = { "date", "delay", "distance", "origin", "destination" };

    /// <summary>The train split under <paramref name="dataDirectory"/>/splits, cached.</summary>
    public static IDataView LoadTrain(MLContext ml, string dataDirectory) =>
        ml.Data.Cache(ml.Data.LoadFromTextFile(Path.Combine(dataDirectory, "splits", "flights-20k.train.csv"), new[]
        {
            new TextLoader.Column("date", DataKind.DateTime, 0),
            new TextLoader.Column("delay", DataKind.Single, 1),
            new TextLoader.Column("distance", DataKind.Single, 2),
            new TextLoader.Column("origin", DataKind.String, 3),
            new TextLoader.Column("destination", DataKind.String, 4),
        }, separatorChar: ',', hasHeader: true));

    /// <summary>CTGAN's training settings (WGAN-GP, batch 500, PacGAN 10, one critic step, noise 128) on <paramref name="featureColumns"/>; the library's defaults otherwise.</summary>
    public static GanTrainer.Options CtganOptions(string[] featureColumns, int epochs, int seed) => new()
    {
        FeatureColumnNames = featureColumns,
        Loss = GanLoss.WassersteinGradientPenalty,
        Epochs = epochs,
        BatchSize = 500,
        PacSize = 10,
        DiscriminatorSteps = 1,
        NoiseDimension = 128,
        Seed = seed,
    };
}

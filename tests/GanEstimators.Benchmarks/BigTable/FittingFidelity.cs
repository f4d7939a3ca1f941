using System.Globalization;
using GanEstimators.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks.BigTable;

/// <summary>
/// Whether fitting the mixtures to a sample (<see cref="GanTrainer.Options.EncoderFittingRows"/>) costs fidelity: the
/// flights-20k train split (16,000 rows) trained with its mixtures fitted to every row and to a 1,000-row sample (the
/// smallest bound allowed, so the sample bites hard), same seeds, scored by <c>mlContext.Gan().Evaluate</c> against the
/// training rows. One libtorch thread; CTGAN's batch 500, PacGAN 10, one critic step (as --tabular-speed).
/// </summary>
internal static class FittingFidelity
{
    public static void Run(string dataDirectory, int epochs, int seeds)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.Cache(ml.Data.LoadFromTextFile(Path.Combine(dataDirectory, "splits", "flights-20k.train.csv"), new[]
        {
            new TextLoader.Column("date", DataKind.DateTime, 0),
            new TextLoader.Column("delay", DataKind.Single, 1),
            new TextLoader.Column("distance", DataKind.Single, 2),
            new TextLoader.Column("origin", DataKind.String, 3),
            new TextLoader.Column("destination", DataKind.String, 4),
        }, separatorChar: ',', hasHeader: true));
        var rows = data.GetColumn<float>("delay").Count();
        Console.WriteLine($"flights-20k train ({rows} rows), {epochs} epochs, seeds 1-{seeds}, libtorch threads 1, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| mixtures fitted to | seed | column shapes | pair trends | detection AUC | worst column |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var fittingRows in new[] { GanTrainer.Defaults.EncoderFittingRows, 1_000 })
        {
            var scores = new List<TabularFidelityMetrics>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var options = new GanTrainer.Options
                {
                    FeatureColumnNames = new[] { "date", "delay", "distance", "origin", "destination" },
                    Loss = GanLoss.WassersteinGradientPenalty,
                    Epochs = epochs,
                    BatchSize = 500,
                    PacSize = 10,
                    DiscriminatorSteps = 1,
                    NoiseDimension = 128,
                    Seed = seed,
                    NumberOfThreads = 1,
                    EncoderFittingRows = fittingRows,
                };
                using var sampler = new MLContext(seed).Gan().Trainer(options).Fit(data);
                var metrics = ml.Gan().Evaluate(data, ml.Data.Cache(sampler.Sample(rows, seed: seed)), new TabularEvaluationOptions { Seed = seed });
                scores.Add(metrics);
                Console.WriteLine(Row(fittingRows >= rows ? "every row" : $"{fittingRows:N0} rows", seed.ToString(CultureInfo.InvariantCulture), metrics.ColumnShapes, metrics.PairTrends, metrics.DetectionAuc, metrics.WorstColumn));
            }
            Console.WriteLine(Row($"**{(fittingRows >= rows ? "every row" : $"{fittingRows:N0} rows")}, mean**", "", scores.Average(s => s.ColumnShapes), scores.Average(s => s.PairTrends), scores.Average(s => s.DetectionAuc), ""));
        }
    }

    private static string Row(string fitted, string seed, double shapes, double pairs, double detection, string worst) =>
        $"| {fitted} | {seed} | {shapes:F3} | {pairs:F3} | {detection:F3} | {worst} |";
}

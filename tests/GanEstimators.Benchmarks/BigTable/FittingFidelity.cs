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
        var data = Flights.LoadTrain(ml, dataDirectory);
        var rows = data.GetColumn<float>("delay").Count();
        Console.WriteLine($"flights-20k train ({rows} rows), {epochs} epochs, seeds 1-{seeds}, libtorch threads 1, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| mixtures fitted to | seed | column shapes | pair trends | detection AUC | worst column |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var fittingRows in new[] { GanTrainer.Defaults.EncoderFittingRows, 1_000 })
        {
            var scores = new List<TabularFidelityMetrics>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var options = Flights.CtganOptions(Flights.Columns, epochs, seed);
                options.NumberOfThreads = 1;
                options.EncoderFittingRows = fittingRows;
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

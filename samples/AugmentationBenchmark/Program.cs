using System.Diagnostics;
using AugmentationBenchmark;
using Microsoft.ML;

// Does balancing with a GAN help a downstream classifier when data is scarce? For each seed: a stratified quarter of
// the Seattle weather training rows, three training sets built from it — (a) as is, (b) randomly oversampled, (c) GAN
// balanced with mlContext.Gan().Augment — the same classifier on each, macro-F1 on the fixed real test set. (d) is a
// yardstick, not a method: balancing with real rows the subset left out, the best any synthetic balancing could hope for.
// A measurement: nothing here is tuned for (c).
var options = BenchmarkOptions.Parse(args);
if (options is null) return;

// The networks are tiny; one libtorch thread avoids the slow, erratic epochs of one thread per core on shared 2-core machines.
TorchSharp.torch.set_num_threads(1);

var loading = new MLContext(0);
var training = WeatherRow.ReadCsv(loading, options.Train);
var testRows = WeatherRow.ReadCsv(loading, options.Test);
var classes = testRows.Select(r => r.Weather).Union(training.Select(r => r.Weather)).Order(StringComparer.Ordinal).ToArray();
var actual = testRows.Select(r => r.Weather).ToArray();

var runs = new List<Run>();
var ganSeconds = new List<double>();
for (var seed = 1; seed <= options.Seeds; seed++)
{
    var ml = new MLContext(seed);
    var test = ml.Data.LoadFromEnumerable(testRows);
    var subset = TrainingSets.StratifiedSubset(training, options.Fraction, seed);

    Run Score(string method, IDataView data)
    {
        var predicted = DownstreamClassifier.TrainAndPredict(new MLContext(seed), data, test, options.Classifier, options.WithDate);
        var run = new Run(method, seed, data.GetRowCount() ?? ml.Data.CreateEnumerable<WeatherRow>(data, false).LongCount(), MacroF1.Compute(actual, predicted, classes));
        Console.WriteLine($"seed {seed}  {method,-32} {run.TrainingRows,5} rows  macro-F1 {run.Score.Value:F3}");
        return run;
    }

    runs.Add(Score("(a) real only", ml.Data.LoadFromEnumerable(subset)));
    var clock = Stopwatch.StartNew();
    using var sampler = GanBalancing.Train(ml, options.GanOnAllRows ? training : subset, options.Epochs, seed, options.WithDate, options.FrequencyWeight);
    ganSeconds.Add(clock.Elapsed.TotalSeconds);
    var unseen = training.Except(subset).ToList();
    foreach (var ratio in options.BalanceRatios)
    {
        var suffix = ratio == 1 ? "" : $", ratio {ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        runs.Add(Score("(b) real + random oversampling" + suffix, ml.Data.LoadFromEnumerable(TrainingSets.RandomlyOversampled(subset, ratio, seed))));
        runs.Add(Score((options.GanOnAllRows ? "(e) real + GAN trained on all rows (oracle)" : "(c) real + GAN balancing") + suffix, GanBalancing.Balance(ml, subset, sampler, ratio, seed)));
        runs.Add(Score("(d) real + unseen real rows (oracle)" + suffix, ml.Data.LoadFromEnumerable(TrainingSets.BalancedWithUnseenRealRows(subset, unseen, ratio, seed))));
    }
}

var command = "dotnet run -c Release --project samples/AugmentationBenchmark --" + string.Concat(args.Select(a => " " + a));
var report = Report.Markdown(options, runs, classes, testRows.Count, ganSeconds.Average(), command);
Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
File.WriteAllText(options.Output, report);
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {options.Output}");

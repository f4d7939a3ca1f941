using System.Globalization;
using GanEstimators.Samples;

namespace AugmentationBenchmark;

/// <summary>The command line: <c>--epochs N --seeds N --fraction F --classifier sdca|fasttree --date yes|no --ratios R,R --gan-data subset|all --frequency-weight W --train PATH --test PATH --out PATH</c>, all optional.</summary>
public sealed record BenchmarkOptions(string Train, string Test, string Output, int Epochs, int Seeds, double Fraction, string Classifier, bool WithDate, double[] BalanceRatios, double FrequencyWeight, bool GanOnAllRows)
{
    /// <summary>
    /// 3,000 steps (an epoch is one step here), as <c>ganest train</c> trains by default. Chosen in session 6, before
    /// point masses: at 1,500 the GAN then gave a dry class (fog, drizzle, sun: never any rain in the real rows) rain on
    /// 16–20 % of its rows, at 3,000 on 5–8 %. About three minutes per seed on one thread.
    /// </summary>
    public const int DefaultEpochs = 3000;

    /// <summary>
    /// The GAN's <c>FrequencyMatchingWeight</c>: with point masses it took (c) from 0.390 to 0.405 (ratio 1) and from
    /// 0.415 to 0.424 (ratio 0.5) with the linear classifier (BENCHMARKS.md, session 7).
    /// </summary>
    public const double DefaultFrequencyWeight = 1;

    private const string Usage =
        "Usage: dotnet run -c Release --project samples/AugmentationBenchmark -- [options]\n" +
        "  --epochs N     GAN training epochs per seed (default: {0})\n" +
        "  --seeds N      seeds 1..N, each with its own subset, GAN and classifier (default: 5)\n" +
        "  --fraction F   share of every class of the training rows to keep (default: 0.25)\n" +
        "  --classifier C the downstream classifier: sdca (linear, default) or fasttree (boosted trees, one versus all)\n" +
        "  --date yes|no  whether the classifier also gets the date's year and season, and the GAN generates the date (default: no)\n" +
        "  --ratios R,R   balance ratios for (b), (c) and (d): each class is brought up to this share of the largest (default: 1)\n" +
        "  --gan-data D   subset (default) or all: train the GAN on all training rows instead of the subset, which turns (c)\n" +
        "                 into a yardstick (e) like (d): how far GAN rows get when the GAN has the information real rows carry\n" +
        "  --frequency-weight W  the GAN's FrequencyMatchingWeight (default: {1}; 0 is off)\n" +
        "  --train PATH   training CSV (default: data/splits/seattle-weather.train.csv)\n" +
        "  --test PATH    test CSV (default: data/splits/seattle-weather.test.csv)\n" +
        "  --out PATH     Markdown report (default: artifacts/augmentation.md)";

    public static BenchmarkOptions Defaults()
    {
        var root = RepositoryRoot.Find();
        return new BenchmarkOptions(
            Path.Combine(root, "data", "splits", "seattle-weather.train.csv"),
            Path.Combine(root, "data", "splits", "seattle-weather.test.csv"),
            Path.Combine(root, "artifacts", "augmentation.md"),
            DefaultEpochs, 5, 0.25, DownstreamClassifier.Linear, WithDate: false, BalanceRatios: new[] { 1.0 }, FrequencyWeight: DefaultFrequencyWeight, GanOnAllRows: false);
    }

    /// <summary>Parses the arguments over the defaults; null (after printing why) when the program should stop.</summary>
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = Defaults();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return Fail(null);
            if (i + 1 >= args.Length) return Fail($"Missing value for {name}.");
            var value = args[++i];
            BenchmarkOptions? next = name switch
            {
                "--epochs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { Epochs = n },
                "--seeds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1 => options with { Seeds = n },
                "--fraction" when double.TryParse(value, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1 => options with { Fraction = f },
                "--classifier" when value is DownstreamClassifier.Linear or DownstreamClassifier.Trees => options with { Classifier = value },
                "--date" when value is "yes" or "no" => options with { WithDate = value == "yes" },
                "--ratios" when Ratios(value) is { } ratios => options with { BalanceRatios = ratios },
                "--gan-data" when value is "subset" or "all" => options with { GanOnAllRows = value == "all" },
                "--frequency-weight" when double.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0 && double.IsFinite(w) => options with { FrequencyWeight = w },
                "--train" => options with { Train = Path.GetFullPath(value) },
                "--test" => options with { Test = Path.GetFullPath(value) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                _ => null,
            };
            if (next is null) return Fail($"Unknown option or bad value: {name} {value}");
            options = next;
        }
        foreach (var path in new[] { options.Train, options.Test })
            if (!File.Exists(path)) return Fail($"Data not found: {path}");
        return options;
    }

    private static double[]? Ratios(string value)
    {
        var parts = value.Split(',');
        var ratios = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], CultureInfo.InvariantCulture, out ratios[i]) || !(ratios[i] > 0 && ratios[i] <= 1)) return null;
        return ratios;
    }

    private static BenchmarkOptions? Fail(string? error)
    {
        if (error is not null) Console.Error.WriteLine(error);
        (error is null ? Console.Out : Console.Error).WriteLine(string.Format(CultureInfo.InvariantCulture, Usage, DefaultEpochs, DefaultFrequencyWeight));
        Environment.ExitCode = error is null ? 0 : 2;
        return null;
    }
}

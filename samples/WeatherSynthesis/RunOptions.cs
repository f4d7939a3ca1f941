using System.Globalization;
using GanEstimators.Samples;
using GanEstimators;

namespace WeatherSynthesis;

/// <summary>The command line: <c>--data PATH --test PATH --out DIR --epochs N --seed N --loss NAME</c>, all optional.</summary>
internal sealed record RunOptions(string Data, string Test, string Output, int Epochs, int Seed, GanLoss Loss)
{
    private const string Usage =
        "Usage: dotnet run -c Release --project samples/WeatherSynthesis -- [options]\n" +
        "  --data PATH    training CSV (default: data/splits/seattle-weather.train.csv)\n" +
        "  --test PATH    held-out CSV for train-on-synthetic/test-on-real (default: data/splits/seattle-weather.test.csv)\n" +
        "  --out DIR      output folder (default: samples/WeatherSynthesis/output)\n" +
        "  --epochs N     training epochs (default: {0})\n" +
        "  --seed N       seed for training and sampling (default: {1})\n" +
        "  --loss NAME    {2} (default: {3})";

    public static RunOptions Defaults(int epochs, int seed, GanLoss loss)
    {
        var root = RepositoryRoot.Find();
        return new RunOptions(
            Path.Combine(root, "data", "splits", "seattle-weather.train.csv"),
            Path.Combine(root, "data", "splits", "seattle-weather.test.csv"),
            Path.Combine(root, "samples", "WeatherSynthesis", "output"),
            epochs, seed, loss);
    }

    /// <summary>Parses the arguments over <paramref name="defaults"/>; null (after printing why) when the program should stop.</summary>
    public static RunOptions? Parse(string[] args, RunOptions defaults)
    {
        var usage = string.Format(CultureInfo.InvariantCulture, Usage, defaults.Epochs, defaults.Seed, string.Join(", ", Enum.GetNames<GanLoss>()), defaults.Loss);
        var options = SampleCommandLine.Parse(args, defaults, Apply, usage);
        if (options is null) return null;
        if (!File.Exists(options.Data)) return SampleCommandLine.Stop<RunOptions>($"Training data not found: {options.Data}", usage);
        return File.Exists(options.Test) ? options : SampleCommandLine.Stop<RunOptions>($"Test data not found: {options.Test}", usage);
    }

    private static RunOptions? Apply(RunOptions options, string name, string value) => name switch
    {
        "--data" => options with { Data = Path.GetFullPath(value) },
        "--test" => options with { Test = Path.GetFullPath(value) },
        "--out" => options with { Output = Path.GetFullPath(value) },
        "--epochs" when SampleCommandLine.TryInt(value, 0, out var n) => options with { Epochs = n },
        "--seed" when SampleCommandLine.TryInt(value, int.MinValue, out var n) => options with { Seed = n },
        "--loss" when Enum.TryParse<GanLoss>(value, ignoreCase: true, out var loss) && Enum.IsDefined(loss) => options with { Loss = loss },
        _ => null,
    };
}

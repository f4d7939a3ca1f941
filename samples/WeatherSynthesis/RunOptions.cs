using System.Globalization;
using GanEstimators.Samples;
using GanEstimators;

namespace WeatherSynthesis;

/// <summary>The command line: <c>--data PATH --out DIR --epochs N --seed N --loss NAME</c>, all optional.</summary>
internal sealed record RunOptions(string Data, string Output, int Epochs, int Seed, GanLoss Loss)
{
    private const string Usage =
        "Usage: dotnet run -c Release --project samples/WeatherSynthesis -- [options]\n" +
        "  --data PATH    training CSV (default: data/splits/seattle-weather.train.csv)\n" +
        "  --out DIR      output folder (default: samples/WeatherSynthesis/output)\n" +
        "  --epochs N     training epochs (default: {0})\n" +
        "  --seed N       seed for training and sampling (default: {1})\n" +
        "  --loss NAME    {2} (default: {3})";

    public static RunOptions Defaults(int epochs, int seed, GanLoss loss)
    {
        var root = RepositoryRoot.Find();
        return new RunOptions(
            Path.Combine(root, "data", "splits", "seattle-weather.train.csv"),
            Path.Combine(root, "samples", "WeatherSynthesis", "output"),
            epochs, seed, loss);
    }

    /// <summary>Parses the arguments over <paramref name="defaults"/>; null (after printing why) when the program should stop.</summary>
    public static RunOptions? Parse(string[] args, RunOptions defaults)
    {
        var options = defaults;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return Fail(null, defaults);
            if (i + 1 >= args.Length) return Fail($"Missing value for {name}.", defaults);
            var value = args[++i];
            RunOptions? next = name switch
            {
                "--data" => options with { Data = Path.GetFullPath(value) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                "--epochs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 0 => options with { Epochs = n },
                "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) => options with { Seed = n },
                "--loss" when Enum.TryParse<GanLoss>(value, ignoreCase: true, out var loss) && Enum.IsDefined(loss) => options with { Loss = loss },
                _ => null,
            };
            if (next is null) return Fail($"Unknown option or bad value: {name} {value}", defaults);
            options = next;
        }
        return File.Exists(options.Data) ? options : Fail($"Training data not found: {options.Data}", defaults);
    }

    private static RunOptions? Fail(string? error, RunOptions defaults)
    {
        if (error is not null) Console.Error.WriteLine(error);
        var text = string.Format(CultureInfo.InvariantCulture, Usage, defaults.Epochs, defaults.Seed, string.Join(", ", Enum.GetNames<GanLoss>()), defaults.Loss);
        (error is null ? Console.Out : Console.Error).WriteLine(text);
        Environment.ExitCode = error is null ? 0 : 2;
        return null;
    }
}

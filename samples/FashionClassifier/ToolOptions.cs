using System.Globalization;
using GanEstimators.Samples;

namespace FashionClassifier;

/// <summary>The command line: <c>--data DIR --out FILE --epochs N --seed N</c>, all optional.</summary>
internal sealed record ToolOptions(string Data, string Output, int Epochs, int Seed)
{
    private const string Usage =
        "Usage: dotnet run -c Release --project samples/FashionClassifier -- [options]\n" +
        "  --data DIR     folder with the Fashion-MNIST IDX files ({0}, {1}, {2}, {3})\n" +
        "                 (default: ../shared/data/images/fashion-mnist beside the repository)\n" +
        "  --out FILE     the classifier file to write (default: data/fashion-mnist-classifier.bin)\n" +
        "  --epochs N     training epochs (default: {4})\n" +
        "  --seed N       seed of the weights, batch order and dropout (default: {5})";

    public static ToolOptions Defaults(int epochs, int seed)
    {
        var root = RepositoryRoot.Find();
        return new ToolOptions(
            Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "images", "fashion-mnist")),
            Path.Combine(root, "data", "fashion-mnist-classifier.bin"),
            epochs, seed);
    }

    public string PathOf(string file) => Path.Combine(Data, file);

    /// <summary>Parses the arguments over <paramref name="defaults"/>; null (after printing why) when the program should stop.</summary>
    public static ToolOptions? Parse(string[] args, ToolOptions defaults)
    {
        var usage = string.Format(CultureInfo.InvariantCulture, Usage, FashionFiles.TrainImages, FashionFiles.TrainLabels, FashionFiles.TestImages, FashionFiles.TestLabels, defaults.Epochs, defaults.Seed);
        var options = SampleCommandLine.Parse(args, defaults, Apply, usage);
        if (options is null) return null;
        return FashionFiles.Problem(options.Data) is { } problem ? SampleCommandLine.Stop<ToolOptions>(problem, usage) : options;
    }

    private static ToolOptions? Apply(ToolOptions options, string name, string value) => name switch
    {
        "--data" => options with { Data = Path.GetFullPath(value) },
        "--out" => options with { Output = Path.GetFullPath(value) },
        "--epochs" when SampleCommandLine.TryInt(value, 1, out var n) => options with { Epochs = n },
        "--seed" when SampleCommandLine.TryInt(value, int.MinValue, out var n) => options with { Seed = n },
        _ => null,
    };
}

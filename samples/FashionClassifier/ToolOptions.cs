using System.Globalization;
using GanEstimators.Samples;

namespace FashionClassifier;

/// <summary>The command line: <c>--data DIR --out FILE --epochs N --seed N</c>, all optional.</summary>
internal sealed record ToolOptions(string Data, string Output, int Epochs, int Seed)
{
    public const string TrainImages = "train-images-idx3-ubyte.gz";
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";
    public const string TestImages = "t10k-images-idx3-ubyte.gz";
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

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
        var options = defaults;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return Fail(null, defaults);
            if (i + 1 >= args.Length) return Fail($"Missing value for {name}.", defaults);
            var value = args[++i];
            ToolOptions? next = name switch
            {
                "--data" => options with { Data = Path.GetFullPath(value) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                "--epochs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1 => options with { Epochs = n },
                "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) => options with { Seed = n },
                _ => null,
            };
            if (next is null) return Fail($"Unknown option or bad value: {name} {value}", defaults);
            options = next;
        }
        var missing = new[] { TrainImages, TrainLabels, TestImages, TestLabels }.Where(f => !File.Exists(options.PathOf(f))).ToArray();
        return missing.Length == 0 ? options
            : Fail($"Fashion-MNIST not found: {options.Data} lacks {string.Join(", ", missing)}. Pass the folder that holds them with --data.", defaults);
    }

    private static ToolOptions? Fail(string? error, ToolOptions defaults)
    {
        if (error is not null) Console.Error.WriteLine(error);
        var text = string.Format(CultureInfo.InvariantCulture, Usage, TrainImages, TrainLabels, TestImages, TestLabels, defaults.Epochs, defaults.Seed);
        (error is null ? Console.Out : Console.Error).WriteLine(text);
        Environment.ExitCode = error is null ? 0 : 2;
        return null;
    }
}

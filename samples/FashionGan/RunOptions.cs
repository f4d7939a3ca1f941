using System.Globalization;
using GanEstimators.Samples;
using GanEstimators;

namespace FashionGan;

/// <summary>The command line: <c>--data DIR --out DIR --epochs N --seed N --loss NAME --grid-every N --gpu ID</c>, all optional, or <c>--make-subset</c>.</summary>
internal sealed record RunOptions(string Data, string Output, int Epochs, int Seed, GanLoss Loss, int GridEvery, bool MakeSubset, string Root, int? GpuDeviceId = null)
{
    private const string Usage =
        "Usage: dotnet run -c Release --project samples/FashionGan -- [options]\n" +
        "  --data DIR       folder with the Fashion-MNIST IDX files (default: data/fashion-mnist-subset; the full set is\n" +
        "                   in ../shared/data/images/fashion-mnist beside the repository)\n" +
        "  --out DIR        output folder (default: samples/FashionGan/output)\n" +
        "  --epochs N       training epochs (default: {0})\n" +
        "  --seed N         seed for training and sampling (default: {1})\n" +
        "  --loss NAME      {2} (default: {3})\n" +
        "  --grid-every N   write a sample grid every N epochs, and after the last (default: a fifth of the epochs)\n" +
        "  --gpu ID         train on CUDA device ID (MLContext.GpuDeviceId, no CPU fallback); needs a TorchSharp CUDA backend\n" +
        "  --make-subset    write data/fashion-mnist-subset (600 training and 100 test images per class) from --data\n" +
        "                   (default source: the full set beside the repository) and stop";

    public string SubsetFolder => Path.Combine(Root, "data", "fashion-mnist-subset");

    public string SharedFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "images", "fashion-mnist"));

    public string PathOf(string file) => Path.Combine(Data, file);

    public static RunOptions Defaults(int epochs, int seed, GanLoss loss)
    {
        var root = RepositoryRoot.Find();
        return new RunOptions(Path.Combine(root, "data", "fashion-mnist-subset"), Path.Combine(root, "samples", "FashionGan", "output"),
            epochs, seed, loss, GridEvery: 0, MakeSubset: false, root);
    }

    /// <summary>Parses the arguments over <paramref name="defaults"/>; null (after printing why) when the program should stop.</summary>
    public static RunOptions? Parse(string[] args, RunOptions defaults)
    {
        var usage = string.Format(CultureInfo.InvariantCulture, Usage, defaults.Epochs, defaults.Seed, string.Join(", ", Enum.GetNames<GanLoss>()), defaults.Loss);
        var dataGiven = false;
        var flags = new Dictionary<string, Func<RunOptions, RunOptions>> { ["--make-subset"] = o => o with { MakeSubset = true } };
        var options = SampleCommandLine.Parse(args, defaults, (o, name, value) =>
        {
            dataGiven |= name == "--data";
            return Apply(o, name, value);
        }, usage, flags);
        if (options is null) return null;
        if (options.MakeSubset && !dataGiven) options = options with { Data = options.SharedFolder };
        if (options.GridEvery == 0) options = options with { GridEvery = Math.Max(1, options.Epochs / 5) };
        return FashionFiles.Problem(options.Data) is { } problem ? SampleCommandLine.Stop<RunOptions>(problem, usage) : options;
    }

    private static RunOptions? Apply(RunOptions options, string name, string value) => name switch
    {
        "--data" => options with { Data = Path.GetFullPath(value) },
        "--out" => options with { Output = Path.GetFullPath(value) },
        "--epochs" when SampleCommandLine.TryInt(value, 1, out var n) => options with { Epochs = n },
        "--seed" when SampleCommandLine.TryInt(value, int.MinValue, out var n) => options with { Seed = n },
        "--loss" when Enum.TryParse<GanLoss>(value, ignoreCase: true, out var loss) && Enum.IsDefined(loss) => options with { Loss = loss },
        "--gpu" when SampleCommandLine.TryInt(value, 0, out var n) => options with { GpuDeviceId = n },
        "--grid-every" when SampleCommandLine.TryInt(value, 1, out var n) => options with { GridEvery = n },
        _ => null,
    };
}

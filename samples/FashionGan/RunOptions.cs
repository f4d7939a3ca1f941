using System.Globalization;
using GanEstimators.Samples;
using GanEstimators;

namespace FashionGan;

/// <summary>
/// The command line: where the data is and where results go, how long to train (<c>--epochs</c>, <c>--minutes</c>), and
/// the GAN's settings (<see cref="FashionGan.Defaults"/> unless given), all optional; or <c>--make-subset</c>.
/// </summary>
internal sealed record RunOptions(string Data, string Output, int Epochs, int Seed, GanLoss Loss, int GridEvery, bool MakeSubset, string Root, int? GpuDeviceId = null)
{
    private const string Usage =
        "Usage: dotnet run -c Release --project samples/FashionGan -- [options]\n" +
        "  --data DIR           folder with the Fashion-MNIST IDX files (default: data/fashion-mnist-subset; the full set is\n" +
        "                       in ../shared/data/images/fashion-mnist beside the repository)\n" +
        "  --out DIR            output folder (default: samples/FashionGan/output)\n" +
        "  --epochs N           training epochs (default: {0})\n" +
        "  --resume MODEL.zip   continue training a model.zip an earlier run wrote (same GAN settings); --epochs more epochs\n" +
        "  --minutes M          stop before an epoch that would end after M minutes of training (default: no limit)\n" +
        "  --seed N             seed for training and sampling (default: {1})\n" +
        "  --loss NAME          {2} (default: {3})\n" +
        "  --base-channels N    DCGAN width, Options.Image.BaseChannels (default: {4})\n" +
        "  --d-depth N          convolutions per resolution in the discriminator, Options.Image.DiscriminatorDepth (default: {10})\n" +
        "  --g-depth N          convolutions per resolution in the generator, Options.Image.GeneratorDepth (default: {11})\n" +
        "  --batch-size N       images per batch (default: {5})\n" +
        "  --learning-rate X    Adam learning rate of both networks (default: {6}; with --resume, the model's own rates,\n" +
        "                       which a given rate replaces, e.g. a lower one for the last epochs)\n" +
        "  --d-learning-rate X  the discriminator's own learning rate, Options.DiscriminatorLearningRate (default: the same)\n" +
        "  --beta1 X            Adam beta1 (default: {7})\n" +
        "  --no-spectral-norm   batch normalisation in the discriminator instead of spectral normalisation\n" +
        "  --critic-steps N     discriminator updates per generator update (default: {8})\n" +
        "  --average DECAY      sample from an exponential moving average of the generator's weights,\n" +
        "                       Options.GeneratorAverageDecay; 0 is off (default: {9})\n" +
        "  --select-best        after every grid, score the sampler by its domain Fréchet distance to up to 10,000 real\n" +
        "                       training images (the last ones), and judge the best instead of the last\n" +
        "  --grid-every N       write a sample grid every N epochs, and after the last (default: a fifth of the epochs)\n" +
        "  --threads N          libtorch threads on the CPU (default: 1, how the documented timings were taken on 2 shared cores)\n" +
        "  --gpu ID             train on CUDA device ID (MLContext.GpuDeviceId, no CPU fallback); needs a TorchSharp CUDA backend\n" +
        "  --lr-schedule NAME   constant, linear or cosine: how both learning rates fall over the run,\n" +
        "                       Options.LearningRateSchedule (default: constant; the recipe's: linear)\n" +
        "  --lr-decay-epochs N  the last N epochs over which they fall (default: all; the recipe's: the last half). The schedule\n" +
        "                       ends with the command's last epoch, counted on from a --resume'd model's epochs\n" +
        "  --recipe full        the documented best full-set settings in one run (BENCHMARKS.md): --data the full set,\n" +
        "                       --epochs 64 --base-channels 64 --batch-size 128 --average 0.999 --select-best --g-depth 2\n" +
        "                       --d-depth 2 --threads 2 --grid-every 2 --learning-rate 1e-4 --d-learning-rate 4e-4\n" +
        "                       --lr-schedule linear over the last half, --out samples/FashionGan/output-full-recipe;\n" +
        "                       flags given beside it override these\n" +
        "  --make-subset        write data/fashion-mnist-subset (600 training and 100 test images per class) from --data\n" +
        "                       (default source: the full set beside the repository) and stop";

    public double? Minutes { get; init; }

    public string? ResumeFrom { get; init; }

    public bool SelectBest { get; init; }

    public int CpuThreads { get; init; } = 1;

    public int BaseChannels { get; init; } = FashionGan.Defaults.BaseChannels;

    public int DiscriminatorDepth { get; init; } = FashionGan.Defaults.DiscriminatorDepth;

    public int GeneratorDepth { get; init; } = FashionGan.Defaults.GeneratorDepth;

    public int BatchSize { get; init; } = FashionGan.Defaults.BatchSize;

    /// <summary>Null: <see cref="FashionGan.Defaults.LearningRate"/>, or with <c>--resume</c>, the resumed model's rates.</summary>
    public double? LearningRate { get; init; }

    public double? DiscriminatorLearningRate { get; init; }

    public double Beta1 { get; init; } = FashionGan.Defaults.Beta1;

    public bool SpectralNormalization { get; init; } = FashionGan.Defaults.SpectralNormalization;

    public int CriticSteps { get; init; } = FashionGan.Defaults.CriticSteps;

    public double AverageDecay { get; init; } = FashionGan.Defaults.AverageDecay;

    /// <summary>The recipe the run started from (<see cref="Recipes"/>), or null.</summary>
    public string? Recipe { get; init; }

    public GanLearningRateSchedule LearningRateSchedule { get; init; } = GanLearningRateSchedule.Constant;

    /// <summary>Null: the whole run, or with <see cref="DecayOverLastHalf"/>, its last half.</summary>
    public int? LearningRateDecayEpochs { get; init; }

    /// <summary>The recipe's decay: over the last half of the schedule (the epochs this command trains, plus a resumed model's), however many are given.</summary>
    public bool DecayOverLastHalf { get; init; }

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
        var usage = string.Format(CultureInfo.InvariantCulture, Usage, defaults.Epochs, defaults.Seed, string.Join(", ", Enum.GetNames<GanLoss>()), defaults.Loss,
            defaults.BaseChannels, defaults.BatchSize, FashionGan.Defaults.LearningRate, defaults.Beta1, defaults.CriticSteps, defaults.AverageDecay, defaults.DiscriminatorDepth, defaults.GeneratorDepth);
        var dataGiven = false;
        var flags = new Dictionary<string, Func<RunOptions, RunOptions>> { ["--make-subset"] = o => o with { MakeSubset = true }, ["--no-spectral-norm"] = o => o with { SpectralNormalization = false },
            ["--select-best"] = o => o with { SelectBest = true } };
        var recipe = Recipes.Apply(args, defaults);
        if (recipe is null) return SampleCommandLine.Stop<RunOptions>($"--recipe: use one of {string.Join(", ", Recipes.Names)}.", usage);
        var options = SampleCommandLine.Parse(args, recipe, (o, name, value) =>
        {
            dataGiven |= name == "--data";
            return Apply(o, name, value);
        }, usage, flags);
        if (options is null) return null;
        if (options.MakeSubset && !dataGiven) options = options with { Data = options.SharedFolder };
        if (options.GridEvery == 0) options = options with { GridEvery = Math.Max(1, options.Epochs / 5) };
        if (options.ResumeFrom is null && options.LearningRateDecayEpochs > options.Epochs)
            return SampleCommandLine.Stop<RunOptions>($"--lr-decay-epochs ({options.LearningRateDecayEpochs}) is more than the {options.Epochs} epochs to train; give at most {options.Epochs}.", usage);
        if (options.LearningRateDecayEpochs is not null && options.LearningRateSchedule == GanLearningRateSchedule.Constant)
            return SampleCommandLine.Stop<RunOptions>("--lr-decay-epochs needs --lr-schedule linear or cosine.", usage);
        if (options.ResumeFrom is { } model && !File.Exists(model))
            return SampleCommandLine.Stop<RunOptions>($"--resume: no model file at '{model}' (a model.zip written by an earlier run).", usage);
        return FashionFiles.Problem(options.Data) is { } problem ? SampleCommandLine.Stop<RunOptions>(problem, usage) : options;
    }

    private static RunOptions? Apply(RunOptions options, string name, string value) => name switch
    {
        "--data" => options with { Data = Path.GetFullPath(value) },
        "--out" => options with { Output = Path.GetFullPath(value) },
        "--epochs" when SampleCommandLine.TryInt(value, 1, out var n) => options with { Epochs = n },
        "--resume" => options with { ResumeFrom = Path.GetFullPath(value) },
        "--minutes" when SampleCommandLine.TryDouble(value, 0, 1e6, out var x) && x > 0 => options with { Minutes = x },
        "--seed" when SampleCommandLine.TryInt(value, int.MinValue, out var n) => options with { Seed = n },
        "--loss" when Enum.TryParse<GanLoss>(value, ignoreCase: true, out var loss) && Enum.IsDefined(loss) => options with { Loss = loss },
        "--base-channels" when SampleCommandLine.TryInt(value, 2, out var n) => options with { BaseChannels = n },
        "--g-depth" when SampleCommandLine.TryInt(value, 1, out var n) && n <= GanTrainer.ImageOptions.MaxNetworkDepth => options with { GeneratorDepth = n },
        "--d-depth" when SampleCommandLine.TryInt(value, 1, out var n) && n <= GanTrainer.ImageOptions.MaxNetworkDepth => options with { DiscriminatorDepth = n },
        "--batch-size" when SampleCommandLine.TryInt(value, 1, out var n) => options with { BatchSize = n },
        "--learning-rate" when SampleCommandLine.TryDouble(value, 0, 1, out var x) && x > 0 => options with { LearningRate = x },
        "--d-learning-rate" when SampleCommandLine.TryDouble(value, 0, 1, out var x) && x > 0 => options with { DiscriminatorLearningRate = x },
        "--beta1" when SampleCommandLine.TryDouble(value, 0, 1, out var x) && x < 1 => options with { Beta1 = x },
        "--critic-steps" when SampleCommandLine.TryInt(value, 1, out var n) => options with { CriticSteps = n },
        "--average" when SampleCommandLine.TryDouble(value, 0, 1, out var x) && x < 1 => options with { AverageDecay = x },
        "--threads" when SampleCommandLine.TryInt(value, 1, out var n) && n <= Environment.ProcessorCount => options with { CpuThreads = n },
        "--gpu" when SampleCommandLine.TryInt(value, 0, out var n) => options with { GpuDeviceId = n },
        "--grid-every" when SampleCommandLine.TryInt(value, 1, out var n) => options with { GridEvery = n },
        "--recipe" when options.Recipe == value => options,
        "--lr-schedule" when Enum.TryParse<GanLearningRateSchedule>(value, ignoreCase: true, out var schedule) && Enum.IsDefined(schedule) => options with { LearningRateSchedule = schedule },
        "--lr-decay-epochs" when SampleCommandLine.TryInt(value, 1, out var n) => options with { LearningRateDecayEpochs = n, DecayOverLastHalf = false },
        _ => null,
    };
}

using GanEstimators;

namespace FashionGan;

/// <summary>
/// <c>--recipe full</c>: the settings of the documented best full-set run (BENCHMARKS.md, "Deeper networks on the full
/// set") as one command, with a learning-rate schedule in place of the hand-lowered rates of its resumed stages. Flags
/// given beside <c>--recipe</c> override its settings.
/// </summary>
internal static class Recipes
{
    public const string Full = "full";

    /// <summary>The recipe's epochs; the rates decay linearly over the last half (<see cref="RunOptions.DecayOverLastHalf"/>).</summary>
    public const int FullEpochs = 64;

    /// <summary>
    /// The hand-lowered chain trained 31 epochs at 2e-4 for both networks, then lowered both, then found that a
    /// discriminator four times as fast as the generator (2.5e-5 against 1e-4) took the distance from 2.2 to 1.8.
    /// The recipe keeps that 4:1 ratio from the start (SAGAN's 1e-4 and 4e-4 for hinge loss with spectral
    /// normalisation) and lets a linear decay over the second half do the lowering.
    /// </summary>
    public const double FullGeneratorRate = 1e-4, FullDiscriminatorRate = 4e-4;

    public static string[] Names => new[] { Full };

    /// <summary>The recipe named in <paramref name="args"/> applied to <paramref name="defaults"/>; the defaults when none is named; null for an unknown name.</summary>
    public static RunOptions? Apply(string[] args, RunOptions defaults)
    {
        var at = Array.IndexOf(args, "--recipe");
        if (at < 0) return defaults;
        if (at + 1 >= args.Length || args[at + 1] != Full) return null;
        return defaults with
        {
            Recipe = Full,
            Data = defaults.SharedFolder,
            Output = Path.Combine(defaults.Root, "samples", "FashionGan", "output-full-recipe"),
            Epochs = FullEpochs,
            BaseChannels = 64,
            BatchSize = 128,
            AverageDecay = 0.999,
            SelectBest = true,
            GeneratorDepth = 2,
            DiscriminatorDepth = 2,
            CpuThreads = Math.Min(2, Environment.ProcessorCount),
            GridEvery = 2,
            LearningRate = FullGeneratorRate,
            DiscriminatorLearningRate = FullDiscriminatorRate,
            LearningRateSchedule = GanLearningRateSchedule.Linear,
            DecayOverLastHalf = true,
        };
    }
}

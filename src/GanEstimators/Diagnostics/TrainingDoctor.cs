namespace GanEstimators.Diagnostics;

/// <summary>
/// Turns the per-epoch signals into diagnoses with remedies. Each problem is reported once per run, at the epoch its
/// evidence first holds; the rules look at a short window of recent epochs so one noisy epoch does not trigger them.
/// </summary>
internal sealed class TrainingDoctor(GanLoss loss, bool isCritic, int pacSize, int stepsPerEpoch)
{
    public const double VanishingGradientNorm = 1e-3;
    // For the saturating minimax loss the generator's gradient is scaled by D(G(z)); below 1 % it has all but vanished.
    public const double SaturatedFakeProbability = 0.01;
    public const int VanishingWindow = 3;
    public const double OverpoweringAccuracy = 0.95;
    public const int OverpoweringWindow = 10;
    public const double CollapsedRatio = 0.35;
    public const int CollapseWindow = 5;
    // An untrained generator maps all noise near one point; give it this many generator steps before judging diversity.
    public const int WarmUpSteps = 300;
    public const int CoinFlipWindow = 10;

    private readonly HashSet<GanProblem> _reported = new();
    private readonly int _warmUpEpochs = Math.Max(5, (WarmUpSteps + stepsPerEpoch - 1) / Math.Max(1, stepsPerEpoch));

    public IEnumerable<GanDiagnosis> Examine(IReadOnlyList<GanEpochMetrics> epochs)
    {
        var now = epochs[^1];
        if (!isCritic && Holds(epochs, VanishingWindow, e => Vanished(e) && e.DiscriminatorAccuracy > 0.95))
            if (Report(GanProblem.VanishingGradients))
                yield return new(now.Epoch, GanProblem.VanishingGradients,
                    $"for {VanishingWindow} epochs the generator's gradient has vanished (norm {now.GeneratorGradientNorm:G3}, mean D(G(z)) {now.MeanFakeScore:G3}) while discriminator accuracy is above 95 % (now {now.DiscriminatorAccuracy:P1})",
                    loss == GanLoss.Minimax
                        ? "the saturating minimax loss has vanished — switch to NonSaturating or WassersteinGradientPenalty"
                        : "weaken the discriminator (fewer DiscriminatorSteps, smaller Mlp.DiscriminatorHiddenSizes, lower LearningRate) or switch to WassersteinGradientPenalty");

        if (!isCritic && Holds(epochs, OverpoweringWindow, e => e.DiscriminatorAccuracy > OverpoweringAccuracy) && !_reported.Contains(GanProblem.VanishingGradients))
            if (Report(GanProblem.DiscriminatorOverpowering))
                yield return new(now.Epoch, GanProblem.DiscriminatorOverpowering,
                    $"discriminator accuracy above {OverpoweringAccuracy:P0} for {OverpoweringWindow} epochs (now {now.DiscriminatorAccuracy:P1})",
                    "the discriminator wins too easily — use fewer DiscriminatorSteps or a smaller discriminator, or a loss with useful gradients when D wins ("
                    + (loss == GanLoss.Minimax ? "NonSaturating, " : "") + "WassersteinGradientPenalty, LeastSquares, Hinge)");

        if (epochs.Count > _warmUpEpochs && Holds(epochs, CollapseWindow, e => e.CollapseRatio < CollapsedRatio))
            if (Report(GanProblem.ModeCollapse))
                yield return new(now.Epoch, GanProblem.ModeCollapse,
                    $"generated samples have {now.CollapseRatio:P0} of the real data's diversity for {CollapseWindow} epochs",
                    pacSize == 1
                        ? "the generator covers few modes — set PacSize to 2–4 (PacGAN), or use WassersteinGradientPenalty"
                        : "the generator covers few modes — raise PacSize, lower LearningRate, or use WassersteinGradientPenalty");

        if (!isCritic && epochs.Count > _warmUpEpochs
            && Holds(epochs, CoinFlipWindow, e => Math.Abs(e.DiscriminatorAccuracy - 0.5) < 0.05 && (e.CollapseRatio < 0.5 || e.CollapseRatio > 2)))
            if (Report(GanProblem.NonConvergence))
                yield return new(now.Epoch, GanProblem.NonConvergence,
                    $"discriminator at coin-flip accuracy for {CoinFlipWindow} epochs while generated diversity is {now.CollapseRatio:P0} of the data's: the generator is learning from noise",
                    "strengthen the discriminator (more DiscriminatorSteps, more width, or a DiscriminatorLearningRate above LearningRate); WassersteinGradientPenalty gives a signal that does not saturate");
    }

    public GanDiagnosis NonFinite(int epoch, bool restored)
    {
        Report(GanProblem.NonFiniteLoss);
        return new(epoch, GanProblem.NonFiniteLoss,
            $"a loss became NaN or infinite in epoch {epoch}" + (restored ? $"; the networks of epoch {epoch - 1} were kept" : ""),
            "lower LearningRate, use WassersteinGradientPenalty (bounded critic gradients), or check the data for extreme values");
    }

    private bool Vanished(GanEpochMetrics e) =>
        e.GeneratorGradientNorm < VanishingGradientNorm || (loss == GanLoss.Minimax && e.MeanFakeScore < SaturatedFakeProbability);

    private bool Report(GanProblem problem) => _reported.Add(problem);

    private static bool Holds(IReadOnlyList<GanEpochMetrics> epochs, int window, Func<GanEpochMetrics, bool> condition) =>
        epochs.Count >= window && epochs.Skip(epochs.Count - window).All(condition);
}

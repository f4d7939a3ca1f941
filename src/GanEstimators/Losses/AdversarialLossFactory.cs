namespace GanEstimators.Losses;

internal static class AdversarialLossFactory
{
    public static AdversarialLoss Create(GanLoss kind, double? weightClip, double? gradientPenaltyWeight) => kind switch
    {
        GanLoss.Minimax => new MinimaxLoss(),
        GanLoss.NonSaturating => new NonSaturatingLoss(),
        GanLoss.Wasserstein => new WassersteinLoss(weightClip ?? WassersteinLoss.PaperClipValue),
        GanLoss.WassersteinGradientPenalty =>
            new WassersteinGradientPenaltyLoss(gradientPenaltyWeight ?? WassersteinGradientPenaltyLoss.PaperPenaltyWeight),
        GanLoss.LeastSquares => new LeastSquaresLoss(),
        GanLoss.Hinge => new HingeLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown {nameof(GanLoss)}."),
    };
}

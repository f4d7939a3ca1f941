namespace GanEstimators.Cli.Commands;

/// <summary>The command line's names for <see cref="GanLoss"/> values.</summary>
public static class LossNames
{
    public static readonly IReadOnlyDictionary<string, GanLoss> ByName = new Dictionary<string, GanLoss>(StringComparer.OrdinalIgnoreCase)
    {
        ["minimax"] = GanLoss.Minimax,
        ["non-saturating"] = GanLoss.NonSaturating,
        ["wasserstein"] = GanLoss.Wasserstein,
        ["wgan-gp"] = GanLoss.WassersteinGradientPenalty,
        ["least-squares"] = GanLoss.LeastSquares,
        ["hinge"] = GanLoss.Hinge,
    };

    public static GanLoss Parse(string name) => ByName.TryGetValue(name, out var loss)
        ? loss
        : throw new ArgumentException($"--loss '{name}' is not known; use one of {string.Join(", ", ByName.Keys)}.");
}

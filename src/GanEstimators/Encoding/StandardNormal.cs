namespace GanEstimators.Encoding;

/// <summary>
/// The standard normal distribution's cumulative share and its inverse, in plain double arithmetic (the same result on
/// every CPU), for the normal scores of <see cref="NormalScoreCorrelations"/>.
/// </summary>
internal static class StandardNormal
{
    /// <summary>
    /// The shares a normal score is taken at are kept this far inside (0, 1), so a column's smallest and largest
    /// values (shares 0 and 1) get finite scores, about ±3.7.
    /// </summary>
    public const double ShareMargin = 1e-4;

    /// <summary>The normal score of a cumulative share, the share first kept within <see cref="ShareMargin"/> of 0 and 1.</summary>
    public static double ScoreOf(double share) => Quantile(Math.Clamp(share, ShareMargin, 1 - ShareMargin));

    /// <summary>Φ(z): the share of the standard normal distribution at or below <paramref name="z"/>.</summary>
    public static double Cdf(double z) => z < 0 ? 0.5 * Erfc(-z / Math.Sqrt(2)) : 1 - 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1: Acklam's rational approximation, refined by one Halley step on <see cref="Cdf"/>.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A normal quantile needs a share strictly between 0 and 1.");
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        else if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
        }
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    // Acklam's coefficients (central region A/B, tails C/D).
    private const double A1 = -3.969683028665376e+01, A2 = 2.209460984245205e+02, A3 = -2.759285104469687e+02, A4 = 1.383577518672690e+02, A5 = -3.066479806614716e+01, A6 = 2.506628277459239e+00;
    private const double B1 = -5.447609879822406e+01, B2 = 1.615858368580409e+02, B3 = -1.556989798598866e+02, B4 = 6.680131188771972e+01, B5 = -1.328068155288572e+01;
    private const double C1 = -7.784894002430293e-03, C2 = -3.223964580411365e-01, C3 = -2.400758277161838e+00, C4 = -2.549732539343734e+00, C5 = 4.374664141464968e+00, C6 = 2.938163982698783e+00;
    private const double D1 = 7.784695709041462e-03, D2 = 3.224671290700398e-01, D3 = 2.445134137142996e+00, D4 = 3.754408661907416e+00;

    // The complementary error function for x ≥ 0 (a Chebyshev fit with relative error below 1.2e-7 everywhere). The
    // Halley step above makes Quantile the inverse of this Cdf, so a score taken back to a share returns that share.
    private static double Erfc(double x)
    {
        var t = 1 / (1 + 0.5 * x);
        var y = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return y;
    }
}

namespace GanEstimators.Constraints;

/// <summary>
/// The column the model learns in place of a constrained one, and the way back. An inequality's high column is
/// learned as the difference high − low and rebuilt as low + max(difference, 0) (missing where low is); a Single or
/// Double column with a range as the logit of its place in the range, rebuilt through the sigmoid and kept
/// inside the range's float bounds.
/// </summary>
internal static class Reparameterisation
{
    // The range's ends map to logit(±(1 − 1e-6)) ≈ ±13.8 rather than ±∞.
    private const double EdgeShare = 1e-6;

    // Where low is missing the difference is missing too, so high is learned and generated as missing there.
    public static double Difference(double low, double high) => high - low;

    public static float AddDifference(float low, float difference) => low + Math.Max(difference, 0f);

    public static double Logit(double value, double low, double high)
    {
        if (double.IsNaN(value)) return value;
        var share = Math.Clamp((value - low) / (high - low), EdgeShare, 1 - EdgeShare);
        return Math.Log(share / (1 - share));
    }

    public static float FromLogit(float logit, double low, double high, float floatLow, float floatHigh)
    {
        if (float.IsNaN(logit)) return logit;
        var share = 1 / (1 + Math.Exp(-(double)logit));
        return Math.Clamp((float)(low + share * (high - low)), floatLow, floatHigh);
    }

    /// <summary>The float nearest to <paramref name="bound"/> that is inside the range (a float rounded outward would break it).</summary>
    public static float InsideLow(double bound)
    {
        var value = (float)bound;
        return value < bound ? MathF.BitIncrement(value) : value;
    }

    public static float InsideHigh(double bound)
    {
        var value = (float)bound;
        return value > bound ? MathF.BitDecrement(value) : value;
    }
}

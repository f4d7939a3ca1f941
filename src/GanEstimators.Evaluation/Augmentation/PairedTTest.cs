namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// The paired t-test across folds, written here: the differences d of the two methods' fold scores,
/// t = mean(d) / (sd(d) / √k) with k − 1 degrees of freedom, two-sided p-value from Student's t distribution
/// (via the regularised incomplete beta function). Fold scores share most of their training rows, so they are not
/// independent and this p-value is optimistic (Dietterich 1998; Nadeau and Bengio 2003): read p &lt; 0.05 as
/// "worth a second look", not as proof.
/// </summary>
internal static class PairedTTest
{
    public static PairedComparison Compare(IReadOnlyList<double> method, IReadOnlyList<double> baseline)
    {
        var differences = method.Zip(baseline, (a, b) => a - b).ToArray();
        var k = differences.Length;
        var mean = differences.Average();
        var spread = k < 2 ? 0 : Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (k - 1));
        if (spread == 0 || k < 2)
            return new PairedComparison(mean, mean == 0 ? 0 : Math.Sign(mean) * double.PositiveInfinity, mean == 0 ? 1 : 0);
        var t = mean / (spread / Math.Sqrt(k));
        return new PairedComparison(mean, t, TwoSidedP(t, k - 1));
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="degreesOfFreedom"/>: I_{ν/(ν+t²)}(ν/2, 1/2).</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom) =>
        RegularisedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));

    /// <summary>I_x(a, b), by the continued fraction (modified Lentz), on the side where it converges fast.</summary>
    public static double RegularisedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * ContinuedFraction(a, b, x) / a
            : 1 - Math.Exp(logFront) * ContinuedFraction(b, a, 1 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        var result = d;
        for (var m = 1; m <= 300; m++)
        {
            foreach (var numerator in new[]
            {
                m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
            })
            {
                d = 1 + numerator * d;
                d = 1 / (Math.Abs(d) < tiny ? tiny : d);
                c = 1 + numerator / c;
                if (Math.Abs(c) < tiny) c = tiny;
                result *= c * d;
            }
            if (Math.Abs(c * d - 1) < 1e-15) break;
        }
        return result;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, 9 terms).</summary>
    private static double LogGamma(double x)
    {
        double[] coefficients =
        {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        };
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++) sum += coefficients[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}

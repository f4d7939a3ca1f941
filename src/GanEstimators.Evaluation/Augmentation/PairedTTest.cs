namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// The t-tests across folds, written here: the differences d of the two methods' J fold scores (k folds × r repeats),
/// the plain paired t = mean(d) / (sd(d) / √J) and the corrected resampled t = mean(d) / √((1/J + n_test/n_train) · var(d))
/// (Nadeau and Bengio 2003; Bouckaert and Frank 2004), both with J − 1 degrees of freedom, two-sided p-values from
/// Student's t distribution (via the regularised incomplete beta function). Fold scores share most of their training
/// rows, so they are not independent and the plain p-value is optimistic (Dietterich 1998; Nadeau and Bengio 2003);
/// the correction widens the variance by the share of rows a fold holds out relative to those it trains on.
/// </summary>
internal static class PairedTTest
{
    /// <param name="method">The method's fold scores.</param>
    /// <param name="baseline">The baseline's scores on the same folds, in the same order.</param>
    /// <param name="testToTrainingRows">n_test / n_train of the correction: held-out rows over real training rows of a fold (1/(k − 1) for k-fold).</param>
    public static PairedComparison Compare(IReadOnlyList<double> method, IReadOnlyList<double> baseline, double testToTrainingRows)
    {
        var differences = method.Zip(baseline, (a, b) => a - b).ToArray();
        var j = differences.Length;
        var mean = differences.Average();
        var variance = j < 2 ? 0 : differences.Sum(d => (d - mean) * (d - mean)) / (j - 1);
        if (variance == 0 || j < 2)
        {
            double t = mean == 0 ? 0 : Math.Sign(mean) * double.PositiveInfinity, p = mean == 0 ? 1 : 0;
            return new PairedComparison(mean, t, p, t, p);
        }
        var plain = mean / (Math.Sqrt(variance) / Math.Sqrt(j));
        var corrected = mean / Math.Sqrt((1.0 / j + testToTrainingRows) * variance);
        return new PairedComparison(mean, plain, TwoSidedP(plain, j - 1), corrected, TwoSidedP(corrected, j - 1));
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

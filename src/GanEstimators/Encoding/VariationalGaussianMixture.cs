using GanEstimators.Serialization;

namespace GanEstimators.Encoding;

/// <summary>
/// A one-dimensional Gaussian mixture fitted by variational Bayes with a (truncated) Dirichlet-process prior on the
/// weights: the estimator CTGAN uses for mode-specific normalisation. Fitting follows scikit-learn's
/// <c>BayesianGaussianMixture(weight_concentration_prior_type='dirichlet_process', weight_concentration_prior=0.001)</c>
/// with its default priors; components whose weight does not exceed a threshold are dropped afterwards.
/// </summary>
internal sealed partial class VariationalGaussianMixture
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    private readonly double[] _means;
    private readonly double[] _standardDeviations;
    private readonly double[] _weights;
    private readonly double[] _logScale;       // log w_k − log σ_k − ½ log 2π
    private readonly double[] _halfPrecision;  // 1 / (2 σ_k²)

    private VariationalGaussianMixture(double[] means, double[] standardDeviations, double[] weights)
    {
        _means = means;
        _standardDeviations = standardDeviations;
        _weights = weights;
        _logScale = new double[means.Length];
        _halfPrecision = new double[means.Length];
        for (var k = 0; k < means.Length; k++)
        {
            _logScale[k] = Math.Log(weights[k]) - Math.Log(standardDeviations[k]) - HalfLogTwoPi;
            _halfPrecision[k] = 0.5 / (standardDeviations[k] * standardDeviations[k]);
        }
    }

    /// <summary>Components kept after fitting (at least one).</summary>
    public int Count => _means.Length;

    public IReadOnlyList<double> Means => _means;

    /// <summary>Always positive: a constant column gets a small floor instead of zero.</summary>
    public IReadOnlyList<double> StandardDeviations => _standardDeviations;

    /// <summary>Weights of the kept components; they sum to one.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>A mixture with the given components; weights must be positive and sum to one.</summary>
    public static VariationalGaussianMixture FromComponents(
        IReadOnlyList<double> means, IReadOnlyList<double> standardDeviations, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        ArgumentNullException.ThrowIfNull(weights);
        if (means.Count == 0) throw new ArgumentException("A mixture needs at least one component.", nameof(means));
        if (standardDeviations.Count != means.Count || weights.Count != means.Count)
            throw new ArgumentException(
                $"Got {means.Count} means, {standardDeviations.Count} standard deviations and {weights.Count} weights; the counts must agree.");
        for (var k = 0; k < means.Count; k++)
        {
            if (!double.IsFinite(means[k])) throw new ArgumentException($"Mean {k} is {means[k]}; it must be finite.", nameof(means));
            if (!(standardDeviations[k] > 0) || !double.IsFinite(standardDeviations[k]))
                throw new ArgumentException($"Standard deviation {k} is {standardDeviations[k]}; it must be positive and finite.", nameof(standardDeviations));
            if (!(weights[k] > 0) || !double.IsFinite(weights[k]))
                throw new ArgumentException($"Weight {k} is {weights[k]}; it must be positive and finite.", nameof(weights));
        }
        var total = weights.Sum();
        if (Math.Abs(total - 1) > 1e-9) throw new ArgumentException($"The weights sum to {total}, not 1.", nameof(weights));
        return new VariationalGaussianMixture(means.ToArray(), standardDeviations.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// Fits the mixture to <paramref name="values"/> (finite, at least one) and keeps the components whose weight exceeds
    /// <paramref name="weightThreshold"/>, ordered by mean. The same values and seed always give the same mixture.
    /// </summary>
    public static VariationalGaussianMixture Fit(
        ReadOnlySpan<double> values, int maxComponents = 10, double weightThreshold = 0.005, int seed = 0, int maxIterations = 100)
    {
        if (values.IsEmpty) throw new ArgumentException("At least one value is needed to fit a mixture.", nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxComponents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (!(weightThreshold >= 0 && weightThreshold < 1))
            throw new ArgumentOutOfRangeException(nameof(weightThreshold), weightThreshold, "The weight threshold must lie in [0, 1).");
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) throw new ArgumentException($"Value {i} is NaN; the mixture needs finite values.", nameof(values));
            if (double.IsInfinity(values[i])) throw new ArgumentException($"Value {i} is {values[i]}; the mixture needs finite values.", nameof(values));
        }

        // Sorting makes the fit independent of row order.
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var distinct = 1;
        for (var i = 1; i < sorted.Length && distinct < maxComponents; i++)
            if (sorted[i] != sorted[i - 1]) distinct++;
        if (distinct == 1) return Constant(sorted[0]);

        var fit = VariationalFit.Run(sorted, components: distinct, maxIterations, new Random(seed));
        return Keep(fit, weightThreshold);
    }

    /// <summary>
    /// The responsibilities of the kept components for <paramref name="x"/>:
    /// w_k N(x; μ_k, σ_k²) normalised to sum to one.
    /// </summary>
    public void Posterior(double x, Span<double> probabilities)
    {
        if (probabilities.Length != Count)
            throw new ArgumentException($"Got room for {probabilities.Length} probabilities; the mixture has {Count} components.", nameof(probabilities));
        if (double.IsNaN(x)) throw new ArgumentException("The value is NaN.", nameof(x));
        var max = double.NegativeInfinity;
        for (var k = 0; k < Count; k++)
        {
            var d = x - _means[k];
            probabilities[k] = _logScale[k] - _halfPrecision[k] * d * d;
            if (probabilities[k] > max) max = probabilities[k];
        }
        double sum = 0;
        for (var k = 0; k < Count; k++) sum += probabilities[k] = Math.Exp(probabilities[k] - max);
        for (var k = 0; k < Count; k++) probabilities[k] /= sum;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Count);
        for (var k = 0; k < Count; k++)
        {
            writer.Write(_means[k]);
            writer.Write(_standardDeviations[k]);
            writer.Write(_weights[k]);
        }
    }

    public static VariationalGaussianMixture Load(BinaryReader reader)
    {
        var count = reader.ReadCount("number of mixture components", ModelLimits.MaxMixtureComponents, bytesPerItem: 24, min: 1);
        var means = new double[count];
        var standardDeviations = new double[count];
        var weights = new double[count];
        for (var k = 0; k < count; k++)
        {
            means[k] = reader.ReadDouble();
            standardDeviations[k] = reader.ReadDouble();
            weights[k] = reader.ReadDouble();
        }
        try
        {
            return FromComponents(means, standardDeviations, weights);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"A saved mixture is invalid: {e.Message}", e);
        }
    }

    // sqrt of scikit-learn's reg_covar (1e-6), relative to the value so large constants keep a usable scale.
    private static VariationalGaussianMixture Constant(double value) =>
        new([value], [1e-3 * Math.Max(1, Math.Abs(value))], [1.0]);

    private static VariationalGaussianMixture Keep(VariationalFit fit, double weightThreshold)
    {
        var kept = Enumerable.Range(0, fit.Weights.Length).Where(k => fit.Weights[k] > weightThreshold).ToList();
        if (kept.Count == 0) kept.Add(Array.IndexOf(fit.Weights, fit.Weights.Max()));
        kept.Sort((a, b) => fit.Means[a].CompareTo(fit.Means[b]));
        var total = kept.Sum(k => fit.Weights[k]);
        return new VariationalGaussianMixture(
            kept.Select(k => fit.Means[k]).ToArray(),
            kept.Select(k => fit.StandardDeviations[k]).ToArray(),
            kept.Select(k => fit.Weights[k] / total).ToArray());
    }
}

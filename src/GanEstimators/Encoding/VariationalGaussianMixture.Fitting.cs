namespace GanEstimators.Encoding;

internal sealed partial class VariationalGaussianMixture
{
    /// <summary>
    /// Variational inference for a 1-D Gaussian mixture with a truncated Dirichlet-process (stick-breaking) prior, in
    /// scikit-learn's formulation (Bishop ch. 10 with normalised covariances). The data are standardised first, so the
    /// default priors become mean 0 and variance 1 and the covariance regulariser is relative to the data variance.
    /// Repeated values are fitted once with their multiplicity, which is exact and makes rounded columns cheap.
    /// </summary>
    private sealed class VariationalFit
    {
        private const double WeightConcentrationPrior = 0.001;
        private const double RegularisationVariance = 1e-6;
        private const double Tolerance = 1e-3;
        // scikit-learn adds 10 machine epsilons to every count so an empty component keeps finite statistics.
        private const double TinyCount = 10 * 2.220446049250313e-16;
        private const double Ln2 = 0.69314718055994530942;

        private readonly double[] _z;            // distinct standardised values, ascending
        private readonly double[] _multiplicity; // how often each occurs
        private readonly int _k;

        // Sufficient statistics: responsibility mass, responsibility-weighted mean and variance per component.
        private readonly double[] _count, _centre, _spread;
        private double _responsibilityLogSum; // Σ r log r over samples and components

        // Variational parameters: stick Beta(α, β), Normal-Wishart (mean, mean precision, dof, normalised covariance).
        private readonly double[] _alpha, _beta, _mean, _meanPrecision, _dof, _covariance;

        private VariationalFit(double[] standardised, double[] multiplicity, int components)
        {
            _z = standardised;
            _multiplicity = multiplicity;
            _k = components;
            _count = new double[components];
            _centre = new double[components];
            _spread = new double[components];
            _alpha = new double[components];
            _beta = new double[components];
            _mean = new double[components];
            _meanPrecision = new double[components];
            _dof = new double[components];
            _covariance = new double[components];
        }

        public double[] Means { get; private set; } = [];

        public double[] StandardDeviations { get; private set; } = [];

        public double[] Weights { get; private set; } = [];

        /// <summary>Fits <paramref name="components"/> components to at least that many distinct sorted values.</summary>
        public static VariationalFit Run(double[] sorted, int components, int maxIterations, Random random)
        {
            var (dataMean, dataStd) = MeanAndSampleStandardDeviation(sorted);
            var (distinct, multiplicity) = Distinct(sorted);
            var z = new double[distinct.Length];
            for (var i = 0; i < z.Length; i++) z[i] = (distinct[i] - dataMean) / dataStd;

            var fit = new VariationalFit(z, multiplicity, components);
            fit.StatisticsFromLabels(KMeans.Labels(z, multiplicity, components, random));
            fit.UpdateParameters();
            var lowerBound = double.NegativeInfinity;
            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                fit.StatisticsFromResponsibilities();
                fit.UpdateParameters();
                var previous = lowerBound;
                lowerBound = fit.LowerBound();
                if (Math.Abs(lowerBound - previous) < Tolerance) break;
            }
            fit.Export(dataMean, dataStd);
            return fit;
        }

        private void StatisticsFromLabels(int[] labels)
        {
            Array.Clear(_count);
            Array.Clear(_centre);
            Array.Clear(_spread);
            for (var i = 0; i < _z.Length; i++)
            {
                _count[labels[i]] += _multiplicity[i];
                _centre[labels[i]] += _multiplicity[i] * _z[i];
            }
            for (var k = 0; k < _k; k++) _centre[k] /= _count[k] + TinyCount;
            for (var i = 0; i < _z.Length; i++)
            {
                var d = _z[i] - _centre[labels[i]];
                _spread[labels[i]] += _multiplicity[i] * d * d;
            }
            for (var k = 0; k < _k; k++)
            {
                _count[k] += TinyCount;
                _spread[k] = _spread[k] / _count[k] + RegularisationVariance;
            }
        }

        /// <summary>The E-step: responsibilities under the current parameters, reduced straight to statistics.</summary>
        private void StatisticsFromResponsibilities()
        {
            var logConstant = new double[_k];
            var halfPrecision = new double[_k];
            var stick = 0.0; // Σ_{j<k} E[log(1 − v_j)]
            for (var k = 0; k < _k; k++)
            {
                var digammaSum = Digamma(_alpha[k] + _beta[k]);
                var logWeight = Digamma(_alpha[k]) - digammaSum + stick;
                stick += Digamma(_beta[k]) - digammaSum;
                var logLambda = Ln2 + Digamma(0.5 * _dof[k]);
                logConstant[k] = logWeight - HalfLogTwoPi - 0.5 * Math.Log(_covariance[k]) - 0.5 * Math.Log(_dof[k])
                    + 0.5 * (logLambda - 1 / _meanPrecision[k]);
                halfPrecision[k] = 0.5 / _covariance[k];
            }

            // Moments are taken about the current means so the variance needs no large-number cancellation.
            var means = _mean;
            var mass = new double[_k];
            var shift = new double[_k];
            var square = new double[_k];
            Span<double> logJoint = stackalloc double[_k];
            Span<double> scaled = stackalloc double[_k];
            double responsibilityLogSum = 0;
            for (var i = 0; i < _z.Length; i++)
            {
                var z = _z[i];
                var max = double.NegativeInfinity;
                for (var k = 0; k < logJoint.Length; k++)
                {
                    var d = z - means[k];
                    logJoint[k] = logConstant[k] - halfPrecision[k] * d * d;
                    if (logJoint[k] > max) max = logJoint[k];
                }
                double sum = 0;
                for (var k = 0; k < scaled.Length; k++)
                {
                    var relative = logJoint[k] - max;
                    // Below e^-40 a term cannot change the sum (≥ 1) in double precision; skipping saves the exp.
                    sum += scaled[k] = relative < -40 ? 0 : Math.Exp(relative);
                }
                var inverse = _multiplicity[i] / sum; // responsibilities carry the value's multiplicity
                // Σ_k r_k log r_k = Σ_k r_k (logJoint_k − max) − log sum, as Σ_k r_k = 1.
                var valueLogSum = -_multiplicity[i] * Math.Log(sum);
                for (var k = 0; k < scaled.Length; k++)
                {
                    if (scaled[k] == 0) continue;
                    var r = scaled[k] * inverse;
                    var d = z - means[k];
                    mass[k] += r;
                    shift[k] += r * d;
                    square[k] += r * d * d;
                    valueLogSum += r * (logJoint[k] - max);
                }
                responsibilityLogSum += valueLogSum;
            }

            for (var k = 0; k < _k; k++)
            {
                _count[k] = mass[k] + TinyCount;
                var offset = shift[k] / _count[k];
                _centre[k] = _mean[k] + offset;
                _spread[k] = Math.Max(0, square[k] / _count[k] - offset * offset) + RegularisationVariance;
            }
            _responsibilityLogSum = responsibilityLogSum;
        }

        /// <summary>The M-step, with the default priors: mean 0, mean precision 1, variance 1, one degree of freedom.</summary>
        private void UpdateParameters()
        {
            var tail = 0.0; // responsibility mass of the components after k
            for (var k = _k - 1; k >= 0; k--)
            {
                _alpha[k] = 1 + _count[k];
                _beta[k] = WeightConcentrationPrior + tail;
                tail += _count[k];
            }
            for (var k = 0; k < _k; k++)
            {
                _meanPrecision[k] = 1 + _count[k];
                _mean[k] = _count[k] * _centre[k] / _meanPrecision[k];
                _dof[k] = 1 + _count[k];
                _covariance[k] = (1 + _count[k] * _spread[k] + _count[k] / _meanPrecision[k] * _centre[k] * _centre[k]) / _dof[k];
            }
        }

        /// <summary>The evidence lower bound up to constants, as scikit-learn computes it for its convergence test.</summary>
        private double LowerBound()
        {
            double logWishart = 0, logBetaNorm = 0, logMeanPrecision = 0;
            for (var k = 0; k < _k; k++)
            {
                var logDetPrecisionCholesky = -0.5 * Math.Log(_covariance[k]) - 0.5 * Math.Log(_dof[k]);
                logWishart -= _dof[k] * logDetPrecisionCholesky + 0.5 * Ln2 * _dof[k] + LogGamma(0.5 * _dof[k]);
                logBetaNorm -= LogGamma(_alpha[k]) + LogGamma(_beta[k]) - LogGamma(_alpha[k] + _beta[k]);
                logMeanPrecision += Math.Log(_meanPrecision[k]);
            }
            return -_responsibilityLogSum - logWishart - logBetaNorm - 0.5 * logMeanPrecision;
        }

        private void Export(double dataMean, double dataStd)
        {
            Means = new double[_k];
            StandardDeviations = new double[_k];
            Weights = new double[_k];
            var remaining = 1.0; // expected length of the stick left after the earlier components
            for (var k = 0; k < _k; k++)
            {
                var total = _alpha[k] + _beta[k];
                Weights[k] = remaining * _alpha[k] / total;
                remaining *= _beta[k] / total;
                Means[k] = dataMean + dataStd * _mean[k];
                StandardDeviations[k] = dataStd * Math.Sqrt(_covariance[k]);
            }
            var sum = Weights.Sum();
            for (var k = 0; k < _k; k++) Weights[k] /= sum;
        }

        private static (double[] Values, double[] Multiplicity) Distinct(double[] sorted)
        {
            var values = new List<double>();
            var multiplicity = new List<double>();
            foreach (var v in sorted)
            {
                if (values.Count > 0 && values[^1] == v) multiplicity[^1]++;
                else
                {
                    values.Add(v);
                    multiplicity.Add(1);
                }
            }
            return (values.ToArray(), multiplicity.ToArray());
        }

        private static (double Mean, double Std) MeanAndSampleStandardDeviation(double[] values)
        {
            double mean = 0, squares = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var delta = values[i] - mean;
                mean += delta / (i + 1);
                squares += delta * (values[i] - mean);
            }
            return (mean, Math.Sqrt(squares / (values.Length - 1)));
        }
    }

    /// <summary>
    /// Weighted k-means: k-means++ seeding (greedy, as scikit-learn does it) followed by Lloyd iterations to a fixed
    /// point. A value of weight w counts as w copies of it.
    /// </summary>
    private static class KMeans
    {
        private const int MaxIterations = 300;

        public static int[] Labels(double[] values, double[] weights, int clusters, Random random)
        {
            var centres = Seed(values, weights, clusters, random);
            var labels = new int[values.Length];
            var sums = new double[clusters];
            var counts = new double[clusters];
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var changed = iteration == 0;
                for (var i = 0; i < values.Length; i++)
                {
                    var nearest = Nearest(values[i], centres);
                    if (nearest != labels[i]) changed = true;
                    labels[i] = nearest;
                }
                if (!changed) break;
                Array.Clear(sums);
                Array.Clear(counts);
                for (var i = 0; i < values.Length; i++)
                {
                    sums[labels[i]] += weights[i] * values[i];
                    counts[labels[i]] += weights[i];
                }
                // An emptied cluster keeps its centre; the variational fit then gives it no weight.
                for (var c = 0; c < clusters; c++)
                    if (counts[c] > 0) centres[c] = sums[c] / counts[c];
            }
            return labels;
        }

        private static double[] Seed(double[] values, double[] weights, int clusters, Random random)
        {
            var n = values.Length;
            var trials = 2 + (int)Math.Log(clusters);
            var centres = new double[clusters];
            var cumulative = new double[n];
            var running = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = running += weights[i];
            centres[0] = values[Math.Min(n - 1, LowerBound(cumulative, random.NextDouble() * running))];
            var closest = new double[n];
            var candidate = new double[n];
            var best = new double[n];
            for (var i = 0; i < n; i++) closest[i] = weights[i] * Square(values[i] - centres[0]);

            for (var c = 1; c < clusters; c++)
            {
                running = 0.0;
                for (var i = 0; i < n; i++) cumulative[i] = running += closest[i];
                var bestPotential = double.PositiveInfinity;
                for (var t = 0; t < trials; t++)
                {
                    var index = Math.Min(n - 1, LowerBound(cumulative, random.NextDouble() * running));
                    var potential = 0.0;
                    for (var i = 0; i < n; i++) potential += candidate[i] = Math.Min(closest[i], weights[i] * Square(values[i] - values[index]));
                    if (potential >= bestPotential) continue;
                    bestPotential = potential;
                    centres[c] = values[index];
                    (best, candidate) = (candidate, best);
                }
                (closest, best) = (best, closest);
            }
            return centres;
        }

        private static int Nearest(double value, double[] centres)
        {
            var nearest = 0;
            var distance = Math.Abs(value - centres[0]);
            for (var c = 1; c < centres.Length; c++)
            {
                var d = Math.Abs(value - centres[c]);
                if (d < distance) (nearest, distance) = (c, d);
            }
            return nearest;
        }

        // The first index whose cumulative sum reaches the target (numpy's searchsorted, side='left').
        private static int LowerBound(double[] cumulative, double target)
        {
            int low = 0, high = cumulative.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (cumulative[middle] < target) low = middle + 1;
                else high = middle;
            }
            return low;
        }

        private static double Square(double x) => x * x;
    }

    private static double Digamma(double x)
    {
        var result = 0.0;
        for (; x < 10; x++) result -= 1 / x;
        var f = 1 / (x * x);
        return result + Math.Log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }

    private static double LogGamma(double x)
    {
        var shift = 0.0;
        for (; x < 10; x++) shift += Math.Log(x);
        var inverse = 1 / x;
        var inverseSquare = inverse * inverse;
        return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi
            + inverse * (1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260 - inverseSquare * (1.0 / 1680 - inverseSquare / 1188))))
            - shift;
    }
}

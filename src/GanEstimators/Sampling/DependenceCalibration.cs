using GanEstimators.Encoding;

namespace GanEstimators.Sampling;

/// <summary>
/// <see cref="GanSampler.CalibrateDependence"/>, the part of <see cref="NumberCalibration"/> that acts on several
/// columns of a row at once: it moves the normal scores of the columns with training correlations
/// (<see cref="NormalScoreCorrelations"/>) by one fixed linear map, chosen so that scores correlated as the generator's
/// come out correlated as the training rows' while each row moves as little as possible (the optimal transport map
/// between the two Gaussians, C_g^-½ (C_g^½ C_t C_g^½)^½ C_g^-½). The generator's correlations C_g are measured on the
/// same fixed-noise rows as the quantile mapping. Each column's scores stay standard normal, so mapping them onto the
/// training quantiles keeps its calibrated distribution; only which values meet in a row changes.
/// </summary>
internal sealed class DependenceCalibration
{
    // The map moves scores by less than this in every entry: the generator already keeps the training correlations.
    private const double NegligibleChange = 1e-3;

    private readonly int[] _positions;
    private readonly double[] _map;

    private DependenceCalibration(int[] positions, double[] map, double[] generated, double[] training)
    {
        _positions = positions;
        _map = map;
        GeneratedCorrelations = generated;
        TrainingCorrelations = training;
    }

    /// <summary>The calibrated columns it acts on (positions in <see cref="NumberCalibration"/>'s columns).</summary>
    public IReadOnlyList<int> Positions => _positions;

    /// <summary>The generator's correlations it corrects and the training rows' it aims for, row-major.</summary>
    public double[] GeneratedCorrelations { get; }

    public double[] TrainingCorrelations { get; }

    /// <summary>
    /// The map for the columns at <paramref name="positions"/>, whose generated scores (rows of scores, every column
    /// present) are <paramref name="scores"/>; null when they vary too little or the map would change nothing.
    /// </summary>
    public static DependenceCalibration? Fit(int[] positions, IReadOnlyList<double[]> scores, double[] training)
    {
        if (scores.Count < NormalScoreCorrelations.MinimumRows) return null;
        var (kept, generated) = NormalScoreCorrelations.Correlations(scores, positions.Length);
        if (kept.Length != positions.Length) return null;
        var n = positions.Length;
        var root = SymmetricMatrix.Apply(generated, n, Math.Sqrt);
        var inverseRoot = SymmetricMatrix.Apply(generated, n, v => 1 / Math.Sqrt(v));
        var middle = SymmetricMatrix.Apply(SymmetricMatrix.Multiply(SymmetricMatrix.Multiply(root, training, n), root, n), n, v => Math.Sqrt(Math.Max(v, 0)));
        var map = SymmetricMatrix.Multiply(SymmetricMatrix.Multiply(inverseRoot, middle, n), inverseRoot, n);
        var identity = SymmetricMatrix.Identity(n);
        if (map.Zip(identity).All(p => Math.Abs(p.First - p.Second) < NegligibleChange)) return null;
        return new DependenceCalibration(positions, map, generated, training);
    }

    /// <summary>Maps one row's scores (one per position) in place.</summary>
    public void Apply(Span<double> scores)
    {
        var n = _positions.Length;
        Span<double> moved = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += _map[i * n + j] * scores[j];
            moved[i] = sum;
        }
        moved.CopyTo(scores);
    }
}

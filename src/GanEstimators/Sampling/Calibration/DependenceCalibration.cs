using GanEstimators.Encoding;

namespace GanEstimators.Sampling.Calibration;

/// <summary>
/// <see cref="GanSampler.CalibrateDependence"/>, the part of <see cref="NumberCalibration"/> that acts on several
/// columns of a row at once: it moves the normal scores of the columns with training correlations
/// (<see cref="NormalScoreCorrelations"/>) by one fixed linear map, chosen so that scores correlated as the generator's
/// come out correlated as the training rows' while each row moves as little as possible (the optimal transport map
/// between the two Gaussians, C_g^-½ (C_g^½ C_t C_g^½)^½ C_g^-½). The generator's correlations C_g are measured on the
/// same fixed-noise rows as the quantile mapping. A GAN's scores are not exactly jointly normal (its rows come in modes
/// and classes), so a moved score is not read through Φ but as its share among the probe rows' moved scores: each
/// column keeps the distribution the quantile mapping gives it, and only which values meet in a row changes.
/// </summary>
internal sealed class DependenceCalibration
{
    // The map moves scores by less than this in every entry: the generator already keeps the training correlations.
    private const double NegligibleChange = 1e-3;

    private readonly int[] _positions;
    private readonly double[] _map;
    private readonly ValueQuantiles[] _moved;

    private DependenceCalibration(int[] positions, double[] map, ValueQuantiles[] moved, double[] generated, double[] training)
    {
        _positions = positions;
        _map = map;
        _moved = moved;
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
    /// present) are <paramref name="scores"/>, towards the <paramref name="training"/> correlations; null when they
    /// vary too little or the map would change nothing.
    /// </summary>
    public static DependenceCalibration? Fit(int[] positions, IReadOnlyList<double[]> scores, double[] training)
    {
        if (scores.Count < NormalScoreCorrelations.MinimumRows) return null;
        var moments = new ScoreMoments(positions.Length);
        foreach (var row in scores) moments.Add(row);
        var (kept, generated) = moments.Correlations();
        if (kept.Length != positions.Length) return null;
        var map = TransportMap(generated, training, positions.Length);
        var identity = SymmetricMatrix.Identity(positions.Length);
        if (map.Zip(identity).All(p => Math.Abs(p.First - p.Second) < NegligibleChange)) return null;
        var moved = new List<double>[positions.Length];
        for (var k = 0; k < moved.Length; k++) moved[k] = new List<double>(scores.Count);
        var buffer = new double[positions.Length];
        foreach (var row in scores)
        {
            row.CopyTo(buffer, 0);
            Move(map, buffer);
            for (var k = 0; k < buffer.Length; k++) moved[k].Add(buffer[k]);
        }
        return new DependenceCalibration(positions, map, moved.Select(ValueQuantiles.Of).ToArray(), generated, training);
    }

    /// <summary>The symmetric map T with T C_g T = C_t that moves standard normal rows least.</summary>
    public static double[] TransportMap(double[] generated, double[] training, int n)
    {
        var (values, vectors) = SymmetricMatrix.Eigen(generated, n);
        var root = SymmetricMatrix.FromEigen(values, vectors, n, Math.Sqrt);
        var inverseRoot = SymmetricMatrix.FromEigen(values, vectors, n, v => 1 / Math.Sqrt(v));
        var middle = SymmetricMatrix.Symmetrised(SymmetricMatrix.Multiply(SymmetricMatrix.Multiply(root, training, n), root, n), n);
        var middleRoot = SymmetricMatrix.Apply(middle, n, v => Math.Sqrt(Math.Max(v, 0)));
        return SymmetricMatrix.Symmetrised(SymmetricMatrix.Multiply(SymmetricMatrix.Multiply(inverseRoot, middleRoot, n), inverseRoot, n), n);
    }

    /// <summary>Moves one row's scores (one per position) and turns each into its share among the moved probe scores, in place.</summary>
    public void MoveToShares(Span<double> scores)
    {
        Move(_map, scores);
        for (var k = 0; k < scores.Length; k++)
        {
            var (low, high) = _moved[k].SharesOf(scores[k]);
            scores[k] = (low + high) / 2;
        }
    }

    private static void Move(double[] map, Span<double> scores)
    {
        var n = scores.Length;
        Span<double> moved = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += map[i * n + j] * scores[j];
            moved[i] = sum;
        }
        moved.CopyTo(scores);
    }
}

namespace GanEstimators.Encoding;

/// <summary>
/// Sums and cross-products of rows of normal scores, added one row at a time (so no rows are kept), and the
/// correlation matrix they give. Scores are bounded (<see cref="StandardNormal.ShareMargin"/>), so one pass is exact
/// enough.
/// </summary>
internal sealed class ScoreMoments
{
    // A column whose normal scores barely vary (a constant column) has no correlation to keep.
    private const double MinimumScoreDeviation = 1e-3;

    // A correlation matrix whose smallest eigenvalue falls below this (columns that are copies of one another) is
    // moved this far towards the identity, so that it has a square root and an inverse.
    private const double Ridge = 1e-3;

    private readonly int _width;
    private readonly double[] _sums;
    private readonly double[] _products;

    public ScoreMoments(int width)
    {
        _width = width;
        _sums = new double[width];
        _products = new double[width * width];
    }

    public long Rows { get; private set; }

    public void Add(ReadOnlySpan<double> scores)
    {
        for (var i = 0; i < _width; i++)
        {
            _sums[i] += scores[i];
            for (var j = i; j < _width; j++) _products[i * _width + j] += scores[i] * scores[j];
        }
        Rows++;
    }

    /// <summary>
    /// The correlation matrix (row-major) over the positions whose scores vary, and those positions; moved towards the
    /// identity when nearly singular.
    /// </summary>
    public (int[] Kept, double[] Matrix) Correlations()
    {
        double Covariance(int i, int j) => _products[Math.Min(i, j) * _width + Math.Max(i, j)] / Rows - _sums[i] / Rows * (_sums[j] / Rows);
        var kept = Enumerable.Range(0, _width).Where(j => Math.Sqrt(Math.Max(0, Covariance(j, j))) >= MinimumScoreDeviation).ToArray();
        var n = kept.Length;
        var matrix = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                matrix[a * n + b] = a == b ? 1 : Math.Clamp(Covariance(kept[a], kept[b]) / Math.Sqrt(Covariance(kept[a], kept[a]) * Covariance(kept[b], kept[b])), -1, 1);
        if (n > 0 && SymmetricMatrix.SmallestEigenvalue(matrix, n) < Ridge)
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++) matrix[a * n + b] = a == b ? 1 : (1 - Ridge) * matrix[a * n + b];
        return (kept, matrix);
    }
}

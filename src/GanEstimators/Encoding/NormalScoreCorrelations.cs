using GanEstimators.Serialization;

namespace GanEstimators.Encoding;

/// <summary>
/// How the training rows' numeric columns move together, as the correlations of their normal scores (each value's
/// share of its column's training distribution, <see cref="ValueQuantiles"/>, taken through the standard normal's
/// inverse: the Gaussian copula). Measured at training over the mode-specific columns that carry quantiles and have no
/// point mass, saved with the model (format 0x0001000D), and what <see cref="GanSampler.CalibrateDependence"/> brings
/// the generated rows' correlations back to: seattle-weather's generated daily highs and lows correlated at 0.70
/// against 0.88 in training.
/// </summary>
internal sealed class NormalScoreCorrelations
{
    /// <summary>The most columns measured (the first ones in the table), bounding the matrix the model holds.</summary>
    public const int MaxColumns = 64;

    /// <summary>Fewer rows with every column present than this measure nothing.</summary>
    public const int MinimumRows = 50;

    /// <summary>The most rows read (evenly spaced), bounding the time on a large table.</summary>
    public const int MeasuredRows = 200_000;

    private readonly int[] _columns;

    private NormalScoreCorrelations(int[] columns, double[] matrix)
    {
        _columns = columns;
        Matrix = matrix;
    }

    /// <summary>The columns (encoder indices, ascending).</summary>
    public IReadOnlyList<int> Columns => _columns;

    /// <summary>Their correlations, row-major (Columns.Count squared).</summary>
    public double[] Matrix { get; }

    /// <summary>Whether <paramref name="column"/> can be measured: a mode-specific column with quantiles and no point mass.</summary>
    public static bool IsMeasurable(ColumnEncoder column) => column is ModeSpecificEncoder { Quantiles: not null, HasPointMasses: false };

    /// <summary>
    /// A row's normal scores of <paramref name="columns"/> (each value's share of the quantiles given with it, a repeated
    /// value's share drawn by <paramref name="random"/>) into <paramref name="scores"/>; false, stopping there, at a
    /// missing value or a point mass. Training rows are scored against the training quantiles, the sampler's probe rows
    /// against the generated ones, with the same draws.
    /// </summary>
    public static bool TryScore(ReadOnlySpan<float> row, ReadOnlySpan<(int Offset, ModeSpecificEncoder Encoder, ValueQuantiles Quantiles)> columns, Random random, Span<double> scores)
    {
        for (var j = 0; j < columns.Length; j++)
        {
            var (offset, encoder, quantiles) = columns[j];
            var value = row[offset];
            if (float.IsNaN(value) || encoder.IsPointMass(value)) return false;
            scores[j] = StandardNormal.ScoreOf(quantiles.ShareOf(value, random));
        }
        return true;
    }

    /// <summary>
    /// The correlations among the measurable columns not in <paramref name="excluded"/> (the columns the sampler rewrites
    /// after calibration), over the training rows that have all of them (at most <see cref="MeasuredRows"/>, evenly
    /// spaced); null when fewer than two columns or <see cref="MinimumRows"/> rows qualify. <paramref name="seed"/>
    /// places repeated values within their shares.
    /// </summary>
    public static NormalScoreCorrelations? Measure(TrainingTable table, TableEncoder features, IReadOnlySet<int> excluded, int seed)
    {
        var columns = Enumerable.Range(0, features.Columns.Count)
            .Where(i => !excluded.Contains(i) && IsMeasurable(features.Columns[i])).Take(MaxColumns).ToArray();
        if (columns.Length < 2) return null;
        var scored = columns.Select(i => (ModeSpecificEncoder)features.Columns[i]).Select((encoder, j) => (features.RawOffsetOf(columns[j]), encoder, encoder.Quantiles!)).ToArray();
        var width = features.RawWidth;
        var stride = Math.Max(1, (table.Rows + MeasuredRows - 1) / MeasuredRows);
        // A repeated value spans a range of shares; each row takes one drawn within it, as the sampler's rows do, so
        // both sides' correlations carry the same spread.
        var random = new Random(seed);
        var moments = new ScoreMoments(columns.Length);
        var z = new double[columns.Length];
        for (var r = 0; r < table.Rows; r += stride)
            if (TryScore(table.Raw.AsSpan(r * width, width), scored, random, z)) moments.Add(z);
        if (moments.Rows < MinimumRows) return null;
        var (kept, matrix) = moments.Correlations();
        return kept.Length < 2 ? null : new NormalScoreCorrelations(kept.Select(k => columns[k]).ToArray(), matrix);
    }

    /// <summary>The correlations among <paramref name="columns"/> (a subset of <see cref="Columns"/>, in its order).</summary>
    public double[] Among(IReadOnlyList<int> columns)
    {
        var n = _columns.Length;
        var at = columns.Select(c => Array.IndexOf(_columns, c)).ToArray();
        if (at.Any(i => i < 0)) throw new ArgumentException("Only measured columns have correlations.", nameof(columns));
        var result = new double[at.Length * at.Length];
        for (var a = 0; a < at.Length; a++)
            for (var b = 0; b < at.Length; b++) result[a * at.Length + b] = Matrix[at[a] * n + at[b]];
        return result;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Columns.Count);
        foreach (var column in Columns) writer.Write(column);
        for (var i = 0; i < Columns.Count; i++)
            for (var j = i + 1; j < Columns.Count; j++) writer.Write(Matrix[i * Columns.Count + j]);
    }

    /// <summary>Reads what <see cref="Save"/> wrote, checking the columns against the model's encoders and that the matrix is a correlation matrix.</summary>
    public static NormalScoreCorrelations Load(BinaryReader reader, TableEncoder features)
    {
        const string what = "normal-score correlations";
        var n = reader.ReadCount($"number of columns of the {what}", Math.Min(MaxColumns, features.Columns.Count), sizeof(int), min: 2);
        var columns = new int[n];
        for (var i = 0; i < n; i++)
        {
            columns[i] = reader.ReadInt32InRange($"column of the {what}", i == 0 ? 0 : columns[i - 1] + 1, features.Columns.Count - 1);
            if (!IsMeasurable(features.Columns[columns[i]]))
                throw new InvalidDataException($"The saved {what} name column {columns[i]} ('{features.Columns[columns[i]].Name}'), which is not a mode-specific column with value quantiles and no point mass.");
        }
        var matrix = SymmetricMatrix.Identity(n);
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                var r = reader.ReadFiniteDouble($"correlation of the {what}");
                if (r is < -1 or > 1) throw new InvalidDataException($"A saved correlation of the {what} is {r}; correlations lie between -1 and 1.");
                matrix[i * n + j] = matrix[j * n + i] = r;
            }
        if (!(SymmetricMatrix.SmallestEigenvalue(matrix, n) > 0))
            throw new InvalidDataException($"The saved {what} are not a correlation matrix (not positive definite).");
        return new NormalScoreCorrelations(columns, matrix);
    }
}

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>Counts, fold by fold, the nearest-neighbour classes behind <see cref="ClassNeighbourhood"/>.</summary>
internal sealed class NeighbourhoodTally
{
    /// <summary>Rows of a class looked at per fold, real and GAN each: bounds the search at rows of a class × training rows.</summary>
    public const int MaxRowsPerClass = 500;

    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    /// <summary>
    /// One fold: its real training rows (<paramref name="space"/>'s points; <paramref name="classes"/> theirs), and the GAN
    /// rows appended to <paramref name="generated"/> after the training rows, class by class in the order of <paramref name="added"/>.
    /// Nothing is counted when the table has no numeric column; a fold whose ratio adds no rows is not given here.
    /// </summary>
    public void Add(NumericSpace space, IReadOnlyList<string> classes, RowTable generated, IReadOnlyDictionary<string, int> added, Random random)
    {
        if (space.Columns.Count == 0) return;
        var points = space.TrainingPoints;
        foreach (var label in classes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var rows = RandomOversampling.RowsOf(classes, label);
            if (rows.Length > MaxRowsPerClass)
            {
                random.Shuffle(rows);
                rows = rows[..MaxRowsPerClass];
            }
            var counts = CountsOf(label);
            if (points.Length < 2) continue;
            counts[0] += rows.Length;
            counts[1] += rows.Count(r => classes[Nearest(points[r], points, leftOut: r)] == label);
        }
        var next = points.Length;
        foreach (var (label, count) in added)
        {
            var counts = CountsOf(label);
            for (var row = next; row < next + Math.Min(count, MaxRowsPerClass); row++)
            {
                counts[2]++;
                counts[3] += classes[Nearest(space.Of(generated, row), points, leftOut: -1)] == label ? 1 : 0;
            }
            next += count;
        }
    }

    /// <summary>Every class counted, in ordinal order.</summary>
    public IReadOnlyList<ClassNeighbourhood> Result() => _counts.OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => new ClassNeighbourhood(c.Key, c.Value[0], c.Value[1], c.Value[2], c.Value[3])).ToArray();

    private int[] CountsOf(string label) => _counts.TryGetValue(label, out var counts) ? counts : _counts[label] = new int[4];

    /// <summary>
    /// The training row nearest to <paramref name="point"/>, <paramref name="leftOut"/> excepted (ties to the first row;
    /// the first row too when every distance is NaN, as infinite values make them).
    /// </summary>
    private static int Nearest(double[] point, double[][] points, int leftOut)
    {
        var best = leftOut == 0 ? 1 : 0;
        var bestDistance = NumericSpace.SquaredDistance(point, points[best]);
        for (var r = best + 1; r < points.Length; r++)
        {
            if (r == leftOut) continue;
            var distance = NumericSpace.SquaredDistance(point, points[r]);
            if (distance < bestDistance)
            {
                best = r;
                bestDistance = distance;
            }
        }
        return best;
    }
}

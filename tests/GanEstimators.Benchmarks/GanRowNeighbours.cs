using System.Globalization;
using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Issue 22 part 4, <c>--augmentation-cv --neighbours</c>: where a fold's GAN puts the rows of each class among that fold's
/// real training rows. For every class it samples as many conditional rows as the fold has real rows of the class and asks,
/// in the numeric columns standardised on the fold's training rows (missing values at the mean), whether each row's nearest
/// real training row (1-NN) and the majority of its 5 nearest are of the row's own class. The real rows' own figure
/// (each against the others, itself left out) is printed beside it: that is what a copy of a real row, as random
/// oversampling adds, scores. A GAN whose rows agree less with their neighbours than the real rows do places rows of one
/// class among another's: that is the "blurring" the augmentation section reads into the trees' loss on cars.
/// </summary>
internal sealed class GanRowNeighbours
{
    private const int Neighbours = 5;
    private readonly string[] _numericColumns;
    private readonly string _label;
    private readonly float[][] _values;
    private readonly string[] _classes;
    private readonly Dictionary<string, (double Real1, double RealK, double Gan1, double GanK, int Folds)> _totals = new(StringComparer.Ordinal);

    public GanRowNeighbours(IDataView data, string[] numericColumns, string label)
    {
        _numericColumns = numericColumns;
        _label = label;
        _values = numericColumns.Select(c => data.GetColumn<float>(c).ToArray()).ToArray();
        _classes = data.GetColumn<ReadOnlyMemory<char>>(label).Select(v => v.ToString()).ToArray();
    }

    public void Measure(AugmentationFoldGan gan)
    {
        var rows = gan.TrainingRows;
        var (mean, sd) = Standardisation(rows);
        var real = rows.Select(r => Standardised(_values.Select(v => v[r]).ToArray(), mean, sd)).ToArray();
        var realClasses = rows.Select(r => _classes[r]).ToArray();
        var lines = new List<string>();
        foreach (var group in realClasses.Select((c, i) => (c, i)).GroupBy(x => x.c, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var className = group.Key;
            var (real1, realK) = Agreement(group.Select(x => real[x.i]).ToArray(), group.Select(x => x.i).ToArray(), className, real, realClasses);
            var generated = gan.Sampler.Sample(group.Count(), new Dictionary<string, string> { [_label] = className }, seed: 7919 * (gan.Fold + 1) + gan.Repeat);
            var columns = _numericColumns.Select(c => generated.GetColumn<float>(c).ToArray()).ToArray();
            var synthetic = Enumerable.Range(0, columns[0].Length).Select(i => Standardised(columns.Select(c => c[i]).ToArray(), mean, sd)).ToArray();
            var (gan1, ganK) = Agreement(synthetic, null, className, real, realClasses);
            var t = _totals.GetValueOrDefault(className);
            _totals[className] = (t.Real1 + real1, t.RealK + realK, t.Gan1 + gan1, t.GanK + ganK, t.Folds + 1);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{className} {group.Count()}: real {real1:P0} / {realK:P0}, GAN {gan1:P0} / {ganK:P0}"));
        }
        Console.WriteLine($"  fold {gan.Fold + 1} neighbours (1-NN same class / {Neighbours}-NN majority same class): {string.Join("; ", lines)}");
    }

    public void PrintTotals() => Console.WriteLine("Neighbours over the folds, mean (1-NN same class / 5-NN majority same class): " + string.Join("; ",
        _totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Key}: real {t.Value.Real1 / t.Value.Folds:P0} / {t.Value.RealK / t.Value.Folds:P0}, GAN {t.Value.Gan1 / t.Value.Folds:P0} / {t.Value.GanK / t.Value.Folds:P0}"))));

    private (double[] Mean, double[] Sd) Standardisation(IReadOnlyList<int> rows)
    {
        var mean = new double[_values.Length];
        var sd = new double[_values.Length];
        for (var j = 0; j < _values.Length; j++)
        {
            var present = rows.Select(r => (double)_values[j][r]).Where(v => !double.IsNaN(v)).ToArray();
            mean[j] = present.Average();
            var spread = Math.Sqrt(present.Sum(v => (v - mean[j]) * (v - mean[j])) / present.Length);
            sd[j] = spread > 0 ? spread : 1;
        }
        return (mean, sd);
    }

    private static double[] Standardised(float[] row, double[] mean, double[] sd) =>
        row.Select((v, j) => ((double.IsNaN(v) ? mean[j] : v) - mean[j]) / sd[j]).ToArray();

    /// <summary>The shares of <paramref name="points"/> whose nearest real row, and whose majority of nearest real rows, is of <paramref name="className"/>; <paramref name="selves"/> leaves each real point itself out.</summary>
    private static (double Nearest, double Majority) Agreement(double[][] points, int[]? selves, string className, double[][] real, string[] realClasses)
    {
        int nearestSame = 0, majoritySame = 0;
        for (var p = 0; p < points.Length; p++)
        {
            var self = selves?[p] ?? -1;
            var nearest = Enumerable.Range(0, real.Length).Where(i => i != self)
                .Select(i => (Distance: SquaredDistance(points[p], real[i]), Index: i))
                .OrderBy(x => x.Distance).ThenBy(x => x.Index).Take(Neighbours).ToArray();
            nearestSame += realClasses[nearest[0].Index] == className ? 1 : 0;
            var majority = nearest.GroupBy(x => realClasses[x.Index], StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Distance)).First().Key;
            majoritySame += majority == className ? 1 : 0;
        }
        return ((double)nearestSame / points.Length, (double)majoritySame / points.Length);
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++) sum += (a[j] - b[j]) * (a[j] - b[j]);
        return sum;
    }
}

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// The space SMOTE and the neighbourhood measure find neighbours in: the numeric columns other than the label, each
/// standardised over a fold's training rows (sample standard deviation), a missing value and a constant column at 0.
/// </summary>
internal sealed class NumericSpace
{
    private readonly int[] _columns;
    private readonly double[] _mean;
    private readonly double[] _spread;

    public NumericSpace(RowTable training, string labelColumn)
    {
        _columns = training.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsNumeric && x.c.Column.Name != labelColumn).Select(x => x.i).ToArray();
        _mean = new double[_columns.Length];
        _spread = new double[_columns.Length];
        for (var j = 0; j < _columns.Length; j++)
        {
            var column = training.Columns[_columns[j]];
            var present = Enumerable.Range(0, training.RowCount).Select(column.ValueAsDouble).Where(v => !double.IsNaN(v)).ToArray();
            _mean[j] = present.Length == 0 ? 0 : present.Average();
            _spread[j] = present.Length < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - _mean[j]) * (v - _mean[j])) / (present.Length - 1));
        }
        TrainingPoints = Enumerable.Range(0, training.RowCount).Select(r => Of(training, r)).ToArray();
    }

    /// <summary>The table's positions of the numeric columns used.</summary>
    public IReadOnlyList<int> Columns => _columns;

    /// <summary>The training rows, standardised, indexed by training row.</summary>
    public double[][] TrainingPoints { get; }

    /// <summary>Row <paramref name="row"/> of <paramref name="table"/> (of the training rows' schema), standardised.</summary>
    public double[] Of(RowTable table, int row)
    {
        var values = new double[_columns.Length];
        for (var j = 0; j < _columns.Length; j++)
        {
            var v = table.Columns[_columns[j]].ValueAsDouble(row);
            values[j] = double.IsNaN(v) || _spread[j] == 0 ? 0 : (v - _mean[j]) / _spread[j];
        }
        return values;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++) sum += (a[j] - b[j]) * (a[j] - b[j]);
        return sum;
    }
}

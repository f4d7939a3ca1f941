using System.Globalization;
using System.Text;
using Spectre.Console;

namespace WeatherSynthesis;

/// <summary>Mean, standard deviation, minimum and maximum of one column.</summary>
internal sealed record ColumnStats(double Mean, double Std, double Min, double Max)
{
    public static ColumnStats Of(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
        return new ColumnStats(mean, std, values.Min(), values.Max());
    }
}

/// <summary>One feature column, real against synthetic, with the two-sample Kolmogorov–Smirnov statistic.</summary>
internal sealed record ColumnComparison(string Column, ColumnStats Real, ColumnStats Synthetic, double KolmogorovSmirnov);

/// <summary>One class: row counts, and per column the means (real against synthetic) and the KS statistic.</summary>
internal sealed record ClassComparison(string Class, int RealRows, int SyntheticRows, double[] RealMeans, double[] SyntheticMeans, double[] KolmogorovSmirnov)
{
    public double MeanKolmogorovSmirnov => KolmogorovSmirnov.Average();
}

/// <summary>How close the synthetic rows are to the real ones, column by column and class by class.</summary>
internal sealed class Summary
{
    private Summary(IReadOnlyList<ColumnComparison> columns, IReadOnlyList<ClassComparison> classes)
    {
        Columns = columns;
        Classes = classes;
    }

    public IReadOnlyList<ColumnComparison> Columns { get; }

    public IReadOnlyList<ClassComparison> Classes { get; }

    /// <summary>Mean of the per-column KS statistics over all rows (0 = identical marginals, 1 = disjoint).</summary>
    public double MeanKolmogorovSmirnov => Columns.Average(c => c.KolmogorovSmirnov);

    public static Summary Compare(IReadOnlyList<WeatherRecord> real, IReadOnlyList<WeatherRecord> synthetic)
    {
        double[] Column(IEnumerable<WeatherRecord> rows, int j) => rows.Select(r => (double)r.Features[j]).ToArray();
        var columns = WeatherData.FeatureColumns.Select((name, j) =>
        {
            var (r, s) = (Column(real, j), Column(synthetic, j));
            return new ColumnComparison(name, ColumnStats.Of(r), ColumnStats.Of(s), KolmogorovSmirnov(r, s));
        }).ToArray();

        var classes = real.Select(r => r.Weather).Distinct().Order(StringComparer.Ordinal).Select(name =>
        {
            var r = real.Where(x => x.Weather == name).ToArray();
            var s = synthetic.Where(x => x.Weather == name).ToArray();
            var j = Enumerable.Range(0, WeatherData.FeatureColumns.Length);
            return new ClassComparison(name, r.Length, s.Length,
                j.Select(k => Column(r, k).Average()).ToArray(),
                j.Select(k => s.Length == 0 ? double.NaN : Column(s, k).Average()).ToArray(),
                j.Select(k => s.Length == 0 ? 1 : KolmogorovSmirnov(Column(r, k), Column(s, k))).ToArray());
        }).ToArray();
        return new Summary(columns, classes);
    }

    /// <summary>Two-sample KS statistic: the largest gap between the two empirical CDFs (ties handled by value).</summary>
    public static double KolmogorovSmirnov(double[] a, double[] b)
    {
        var (x, y) = (a.Order().ToArray(), b.Order().ToArray());
        int i = 0, j = 0;
        double largest = 0;
        while (i < x.Length && j < y.Length)
        {
            var value = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= value) i++;
            while (j < y.Length && y[j] <= value) j++;
            largest = Math.Max(largest, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return largest;
    }

    public void Render(IAnsiConsole console)
    {
        var columns = new Table().Title("Per column, real / synthetic").AddColumn("column");
        foreach (var header in new[] { "mean", "std", "min", "max" }) columns.AddColumn(new TableColumn(header).RightAligned());
        columns.AddColumn(new TableColumn("KS").RightAligned());
        foreach (var c in Columns)
            columns.AddRow(
                c.Column, Pair(c.Real.Mean, c.Synthetic.Mean), Pair(c.Real.Std, c.Synthetic.Std),
                Pair(c.Real.Min, c.Synthetic.Min), Pair(c.Real.Max, c.Synthetic.Max), F(c.KolmogorovSmirnov, "0.000"));
        console.Write(columns);

        var classes = new Table().Title("Per class: rows and column means, real / synthetic")
            .AddColumn("weather").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var name in WeatherData.FeatureColumns) classes.AddColumn(new TableColumn(name).RightAligned());
        classes.AddColumn(new TableColumn("mean KS").RightAligned());
        foreach (var c in Classes)
            classes.AddRow(new[] { c.Class, $"{c.RealRows} / {c.SyntheticRows}" }
                .Concat(c.RealMeans.Zip(c.SyntheticMeans, Pair))
                .Append(F(c.MeanKolmogorovSmirnov, "0.000")).ToArray());
        console.Write(classes);
        console.WriteLine($"Mean KS over the columns: {F(MeanKolmogorovSmirnov, "0.000")} (0 = same distribution, 1 = no overlap)");
    }

    /// <summary>One row per column and per class and column, for comparing runs.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("scope,column,real_rows,synthetic_rows,real_mean,synthetic_mean,real_std,synthetic_std,real_min,synthetic_min,real_max,synthetic_max,ks\n");
        foreach (var c in Columns)
            csv.AppendLine(Csv("all", c.Column, null, null, c.Real.Mean, c.Synthetic.Mean, c.Real.Std, c.Synthetic.Std,
                c.Real.Min, c.Synthetic.Min, c.Real.Max, c.Synthetic.Max, c.KolmogorovSmirnov));
        foreach (var c in Classes)
            for (var j = 0; j < WeatherData.FeatureColumns.Length; j++)
                csv.AppendLine(Csv(c.Class, WeatherData.FeatureColumns[j], c.RealRows, c.SyntheticRows, c.RealMeans[j], c.SyntheticMeans[j],
                    null, null, null, null, null, null, c.KolmogorovSmirnov[j]));
        return csv.ToString();
    }

    private static string Csv(string scope, string column, params double?[] values) =>
        string.Join(",", new[] { scope, column }.Concat(values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "")));

    private static string Pair(double real, double synthetic) => $"{F(real)} / {F(synthetic)}";

    private static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}

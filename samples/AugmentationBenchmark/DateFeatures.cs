using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AugmentationBenchmark;

/// <summary>
/// What the classifier takes from a date: the year (the data's labelling drifts — drizzle is mostly 2012–13, fog
/// 2014–15) and the season as a point on the circle.
/// </summary>
public sealed class DateFeatures
{
    public static readonly string[] Columns = { "year", "season_sin", "season_cos" };

    [ColumnName("year")] public float Year { get; set; }
    [ColumnName("season_sin")] public float SeasonSin { get; set; }
    [ColumnName("season_cos")] public float SeasonCos { get; set; }

    public sealed class Input
    {
        [ColumnName("date")] public DateTime Date { get; set; }
    }

    public static CustomMappingEstimator<Input, DateFeatures> Estimator(MLContext ml) =>
        ml.Transforms.CustomMapping<Input, DateFeatures>((input, output) =>
        {
            var angle = 2 * Math.PI * (input.Date.DayOfYear - 1) / 365.25;
            output.Year = input.Date.Year;
            output.SeasonSin = (float)Math.Sin(angle);
            output.SeasonCos = (float)Math.Cos(angle);
        }, contractName: null);
}

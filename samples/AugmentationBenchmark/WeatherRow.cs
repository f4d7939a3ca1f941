using Microsoft.ML;
using Microsoft.ML.Data;

namespace AugmentationBenchmark;

/// <summary>One day of Seattle weather without its date: four measurements and the weather class.</summary>
public sealed class WeatherRow
{
    public static readonly string[] FeatureColumns = { "precipitation", "temp_max", "temp_min", "wind" };

    public const string ClassColumn = "weather";

    [ColumnName("precipitation")] public float Precipitation { get; set; }
    [ColumnName("temp_max")] public float TempMax { get; set; }
    [ColumnName("temp_min")] public float TempMin { get; set; }
    [ColumnName("wind")] public float Wind { get; set; }
    [ColumnName("weather")] public string Weather { get; set; } = "";

    /// <summary>
    /// Reads date,precipitation,temp_max,temp_min,wind,weather. The date is dropped: the GAN imitates only the four
    /// measurements, so a date-derived feature would be missing from the synthetic rows.
    /// </summary>
    public static List<WeatherRow> ReadCsv(MLContext ml, string path)
    {
        var data = ml.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            Columns = FeatureColumns.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1))
                .Append(new TextLoader.Column(ClassColumn, DataKind.String, 5))
                .ToArray(),
        }).Load(path);
        return ml.Data.CreateEnumerable<WeatherRow>(data, reuseRowObject: false).ToList();
    }
}

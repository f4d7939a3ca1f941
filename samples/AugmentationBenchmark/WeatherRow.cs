using Microsoft.ML;
using Microsoft.ML.Data;

namespace AugmentationBenchmark;

/// <summary>One day of Seattle weather: its date, four measurements and the weather class.</summary>
public sealed class WeatherRow
{
    public static readonly string[] FeatureColumns = { "precipitation", "temp_max", "temp_min", "wind" };

    public const string ClassColumn = "weather";

    public const string DateColumn = "date";

    [ColumnName("date")] public DateTime Date { get; set; }
    [ColumnName("precipitation")] public float Precipitation { get; set; }
    [ColumnName("temp_max")] public float TempMax { get; set; }
    [ColumnName("temp_min")] public float TempMin { get; set; }
    [ColumnName("wind")] public float Wind { get; set; }
    [ColumnName("weather")] public string Weather { get; set; } = "";

    /// <summary>Reads date,precipitation,temp_max,temp_min,wind,weather.</summary>
    public static List<WeatherRow> ReadCsv(MLContext ml, string path)
    {
        var data = ml.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            Columns = FeatureColumns.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i + 1))
                .Prepend(new TextLoader.Column(DateColumn, DataKind.DateTime, 0))
                .Append(new TextLoader.Column(ClassColumn, DataKind.String, 5))
                .ToArray(),
        }).Load(path);
        return ml.Data.CreateEnumerable<WeatherRow>(data, reuseRowObject: false).ToList();
    }
}

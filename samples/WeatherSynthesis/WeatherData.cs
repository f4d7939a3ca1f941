using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WeatherSynthesis;

/// <summary>One day of weather without its date: the four measurements the GAN imitates and the class it is conditioned on.</summary>
public sealed class WeatherRecord
{
    [ColumnName("precipitation")] public float Precipitation { get; set; }
    [ColumnName("temp_max")] public float TempMax { get; set; }
    [ColumnName("temp_min")] public float TempMin { get; set; }
    [ColumnName("wind")] public float Wind { get; set; }
    [ColumnName("weather")] public string Weather { get; set; } = "";

    /// <summary>The measurements in <see cref="WeatherData.FeatureColumns"/> order.</summary>
    public float[] Features => new[] { Precipitation, TempMax, TempMin, Wind };
}

/// <summary>Reads the Seattle weather CSV (vega-datasets) into ML.NET and writes synthetic rows back out.</summary>
internal static class WeatherData
{
    public const string ConditionColumn = "weather";

    public static readonly string[] FeatureColumns = { "precipitation", "temp_max", "temp_min", "wind" };

    /// <summary>date,precipitation,temp_max,temp_min,wind,weather — with a header row, comma separated.</summary>
    public static IDataView Load(MLContext mlContext, string path) =>
        mlContext.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            Columns = new[]
            {
                new TextLoader.Column("date", DataKind.String, 0),
                new TextLoader.Column("precipitation", DataKind.Single, 1),
                new TextLoader.Column("temp_max", DataKind.Single, 2),
                new TextLoader.Column("temp_min", DataKind.Single, 3),
                new TextLoader.Column("wind", DataKind.Single, 4),
                new TextLoader.Column("weather", DataKind.String, 5),
            },
        }).Load(path);

    /// <summary>Materialises a data view with the weather columns (extra columns such as <c>date</c> are ignored).</summary>
    public static List<WeatherRecord> Read(MLContext mlContext, IDataView data) =>
        mlContext.Data.CreateEnumerable<WeatherRecord>(data, reuseRowObject: false).ToList();

    /// <summary>The input's columns minus <c>date</c>, invariant culture, with a header row.</summary>
    public static void WriteCsv(string path, IEnumerable<WeatherRecord> rows)
    {
        var csv = new StringBuilder(string.Join(",", FeatureColumns.Append(ConditionColumn))).Append('\n');
        foreach (var row in rows)
            csv.Append(string.Join(",", row.Features.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))))
               .Append(',').Append(row.Weather).Append('\n');
        File.WriteAllText(path, csv.ToString());
    }
}

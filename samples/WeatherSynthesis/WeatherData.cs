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
    [NoColumn]
    public float[] Features
    {
        get => new[] { Precipitation, TempMax, TempMin, Wind };
        set => (Precipitation, TempMax, TempMin, Wind) = (value[0], value[1], value[2], value[3]);
    }
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

    /// <summary>
    /// Brings synthetic values into the real data's format: clamps each column into its range in the real rows (as
    /// SDV does by default; the generator's linear output can stray below zero precipitation or wind) and rounds to
    /// the source's precision of 0.1, so near-zero precipitation becomes the exact 0 that dry days record.
    /// Returns how many values the clamp moved.
    /// </summary>
    public static int MatchRealFormat(IEnumerable<WeatherRecord> synthetic, IReadOnlyList<WeatherRecord> real)
    {
        var columns = Enumerable.Range(0, FeatureColumns.Length);
        var min = columns.Select(j => real.Min(r => r.Features[j])).ToArray();
        var max = columns.Select(j => real.Max(r => r.Features[j])).ToArray();
        var clamped = 0;
        foreach (var row in synthetic)
        {
            var values = row.Features;
            clamped += values.Where((v, j) => v < min[j] || v > max[j]).Count();
            row.Features = values.Select((v, j) => MathF.Round(Math.Clamp(v, min[j], max[j]), 1)).ToArray();
        }
        return clamped;
    }

    /// <summary>The input's columns minus <c>date</c>, invariant culture, with a header row.</summary>
    public static void WriteCsv(string path, IEnumerable<WeatherRecord> rows)
    {
        var csv = new StringBuilder(string.Join(",", FeatureColumns.Append(ConditionColumn))).Append('\n');
        foreach (var row in rows)
            csv.Append(string.Join(",", row.Features.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture))))
               .Append(',').Append(row.Weather).Append('\n');
        File.WriteAllText(path, csv.ToString());
    }
}

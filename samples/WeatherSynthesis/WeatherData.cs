using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace WeatherSynthesis;

/// <summary>One day of weather, as the CSV has it.</summary>
public sealed class WeatherDay
{
    [ColumnName("date")] public DateTime Date { get; set; }
    [ColumnName("precipitation")] public float Precipitation { get; set; }
    [ColumnName("temp_max")] public float TempMax { get; set; }
    [ColumnName("temp_min")] public float TempMin { get; set; }
    [ColumnName("wind")] public float Wind { get; set; }
    [ColumnName("weather")] public string Weather { get; set; } = "";
}

/// <summary>Reads the Seattle weather CSV (vega-datasets): every column, the date as a date; writes rows back in its format.</summary>
internal static class WeatherData
{
    public const string ConditionColumn = "weather";

    /// <summary>The columns the GAN generates for a given weather class.</summary>
    public static readonly string[] FeatureColumns = { "date", "precipitation", "temp_max", "temp_min", "wind" };

    /// <summary>date,precipitation,temp_max,temp_min,wind,weather — with a header row, comma separated.</summary>
    public static IDataView Load(MLContext mlContext, string path) =>
        mlContext.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            Columns = new[]
            {
                new TextLoader.Column("date", DataKind.DateTime, 0),
                new TextLoader.Column("precipitation", DataKind.Single, 1),
                new TextLoader.Column("temp_max", DataKind.Single, 2),
                new TextLoader.Column("temp_min", DataKind.Single, 3),
                new TextLoader.Column("wind", DataKind.Single, 4),
                new TextLoader.Column("weather", DataKind.String, 5),
            },
        }).Load(path);

    /// <summary>
    /// Rows in the input's own format (ISO dates, numbers as their shortest invariant text), so that the file reads
    /// back like the training file, in <c>ganest evaluate</c>/<c>ganest report</c> too. ML.NET's SaveAsText would
    /// write the dates as quoted date-times with fractional seconds.
    /// </summary>
    public static string ToCsv(MLContext mlContext, IDataView rows)
    {
        static string Number(float value) => value.ToString(CultureInfo.InvariantCulture);
        var csv = new StringBuilder("date,precipitation,temp_max,temp_min,wind,weather\n");
        foreach (var day in mlContext.Data.CreateEnumerable<WeatherDay>(rows, reuseRowObject: true))
            csv.Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
               .Append(Number(day.Precipitation)).Append(',').Append(Number(day.TempMax)).Append(',')
               .Append(Number(day.TempMin)).Append(',').Append(Number(day.Wind)).Append(',').Append(day.Weather).Append('\n');
        return csv.ToString();
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Plots;

/// <summary>Small real and synthetic tables with a number, a date, a category and a class column, for the report tests.</summary>
internal static class ReportTables
{
    public sealed class Row
    {
        [ColumnName("size")] public float Size { get; set; }
        [ColumnName("day")] public DateTime Day { get; set; }
        [ColumnName("colour")] public string Colour { get; set; } = "";
        [ColumnName("kind")] public string Kind { get; set; } = "";
        [ColumnName("weight")] public float Weight { get; set; }
    }

    public static IDataView Rows(MLContext ml, int count, int seed, double shift = 0) =>
        ml.Data.LoadFromEnumerable(Generate(count, seed, shift).ToArray());

    private static IEnumerable<Row> Generate(int count, int seed, double shift)
    {
        var random = new Random(seed);
        string[] colours = { "red", "green", "blue", "yellow" };
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextDouble() < 0.6 ? "small" : "large";
            var size = (float)((kind == "small" ? 2 : 6) + shift + random.NextDouble() * 2);
            yield return new Row
            {
                Size = i % 17 == 0 ? float.NaN : size,
                Day = new DateTime(2020, 1, 1).AddDays(random.Next(0, 700)),
                Colour = colours[random.Next(kind == "small" ? 2 : 4)],
                Kind = kind,
                Weight = size * 3 + (float)random.NextDouble(),
            };
        }
    }
}

using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

/// <summary>
/// A small table with every kind of column: a text category with a rare level that shifts a number, an integer, a
/// boolean, a date, and a number that is missing in 40 % of rows.
/// </summary>
public static class MixedTable
{
    public sealed class Row
    {
        public string City { get; set; } = "";
        public float Temperature { get; set; }
        public int Visitors { get; set; }
        public bool Sunny { get; set; }
        public DateTime Day { get; set; }
        public float Rainfall { get; set; }
    }

    public static readonly DateTime FirstDay = new(2020, 1, 1);

    public static Row[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var u = random.NextDouble();
            var (city, mean, spread) = u < 0.45 ? ("Oslo", 0.0, 1.0) : u < 0.9 ? ("Bergen", 5.0, 1.0) : ("Tromsø", 10.0, 0.5);
            return new Row
            {
                City = city,
                Temperature = (float)(mean + spread * Gaussian(random)),
                Visitors = random.Next(1, 6),
                Sunny = random.NextDouble() < 0.3,
                Day = FirstDay.AddDays(random.Next(0, 365)),
                Rainfall = random.NextDouble() < 0.4 ? float.NaN : (float)(2 + Gaussian(random)),
            };
        }).ToArray();
    }

    public static IDataView Load(MLContext ml, int count = 1000, int seed = 7) => ml.Data.LoadFromEnumerable(Rows(count, seed));

    public static GanTrainer.Options Options(int epochs) => new()
    {
        FeatureColumnNames = new[] { "City", "Temperature", "Visitors", "Sunny", "Day", "Rainfall" },
        Epochs = epochs,
        BatchSize = 200,
        Mlp =
        {
            GeneratorHiddenSizes = new[] { 128, 128 },
            DiscriminatorHiddenSizes = new[] { 128, 128 },
        },
        DiscriminatorSteps = 1,
        LearningRate = 2e-4,
        PacSize = 4,
        Seed = 11,
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

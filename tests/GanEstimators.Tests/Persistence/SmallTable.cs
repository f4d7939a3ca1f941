using Microsoft.ML;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A small conditional table for persistence tests: Species (the condition) decides Island; Mass has missing values,
/// Rain is zero in half the rows (a point mass), Count is an integer. Trains in a second or two with 16-wide networks.
/// </summary>
public static class SmallTable
{
    public sealed class Row
    {
        public string Species { get; set; } = "";
        public string Island { get; set; } = "";
        public float Mass { get; set; }
        public float Rain { get; set; }
        public int Count { get; set; }
    }

    public static readonly string[] SpeciesNames = { "Adelie", "Chinstrap", "Gentoo" };
    public static readonly string[] IslandNames = { "Biscoe", "Dream", "Torgersen" };

    public static IDataView Load(MLContext ml, int rows = 90) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => new Row
        {
            Species = SpeciesNames[i % 3],
            Island = i % 3 == 2 ? "Biscoe" : IslandNames[(i / 3) % 3],
            Mass = i % 7 == 0 ? float.NaN : 3000 + 500 * (i % 3) + (i * 37) % 200,
            Rain = i % 2 == 0 ? 0 : (i * 13) % 50 / 10f,
            Count = (i * 5) % 9,
        }));

    public static GanTrainer.Options Options(int epochs = 2) => new()
    {
        FeatureColumnNames = new[] { nameof(Row.Island), nameof(Row.Mass), nameof(Row.Rain), nameof(Row.Count) },
        CategoricalColumnNames = new[] { nameof(Row.Island) },
        ConditionColumnName = nameof(Row.Species),
        Epochs = epochs,
        BatchSize = 30,
        NoiseDimension = 8,
        Mlp =
        {
            GeneratorHiddenSizes = new[] { 16, 16 },
            DiscriminatorHiddenSizes = new[] { 16 },
        },
        Seed = 11,
        EnableDiagnostics = false,
    };
}

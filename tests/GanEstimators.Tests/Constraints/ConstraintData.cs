using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Constraints;

/// <summary>The small tables of data/ the constraint tests train on, and a short training run on them.</summary>
internal static class ConstraintData
{
    private static string RepoRoot =>
        typeof(ConstraintData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string WeatherPath => Path.Combine(RepoRoot, "data", "seattle-weather.csv");

    public static string PenguinsPath => Path.Combine(RepoRoot, "data", "splits", "penguins.train.csv");

    public static IDataView Weather(MLContext ml) => ml.Data.LoadFromTextFile(WeatherPath, new[]
    {
        new TextLoader.Column("precipitation", DataKind.Single, 1),
        new TextLoader.Column("temp_max", DataKind.Single, 2),
        new TextLoader.Column("temp_min", DataKind.Single, 3),
        new TextLoader.Column("wind", DataKind.Single, 4),
        new TextLoader.Column("weather", DataKind.String, 5),
    }, separatorChar: ',', hasHeader: true);

    public static readonly string[] WeatherFeatures = { "precipitation", "temp_max", "temp_min", "wind", "weather" };

    public static IDataView Penguins(MLContext ml) => ml.Data.LoadFromTextFile(PenguinsPath, new[]
    {
        new TextLoader.Column("species", DataKind.String, 0),
        new TextLoader.Column("island", DataKind.String, 1),
        new TextLoader.Column("bill_length_mm", DataKind.Single, 2),
        new TextLoader.Column("body_mass_g", DataKind.Single, 5),
        new TextLoader.Column("sex", DataKind.String, 6),
    }, separatorChar: ',', hasHeader: true);

    public static readonly string[] PenguinFeatures = { "species", "island", "bill_length_mm", "body_mass_g", "sex" };

    /// <summary>A few epochs of small networks: enough to generate rows that break the rules when nothing enforces them.</summary>
    public static GanTrainer.Options Short(string[] features, params GanConstraint[] constraints) => new()
    {
        FeatureColumnNames = features,
        Constraints = constraints,
        Epochs = 3,
        BatchSize = 500,
        Mlp = { GeneratorHiddenSizes = new[] { 32, 32 }, DiscriminatorHiddenSizes = new[] { 32, 32 } },
        EnableDiagnostics = false,
        NumberOfThreads = 1,
        Seed = 1,
    };

    public static T[] Column<T>(IDataView data, string name) => data.GetColumn<T>(name).ToArray();

    public static HashSet<(string, string)> Pairs(IDataView data, string first, string second) =>
        Column<string>(data, first).Zip(Column<string>(data, second)).ToHashSet();
}

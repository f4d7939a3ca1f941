using Microsoft.ML;

namespace GanEstimators.Orleans.Tests;

/// <summary>A small conditional GAN saved to a temporary file, trained once per test run (seconds).</summary>
public static class TestModel
{
    private static readonly Lazy<string> SavedPath = new(() => Train(seed: 5));
    private static readonly Lazy<string> OtherPath = new(() => Train(seed: 6));

    public static string Path => SavedPath.Value;

    /// <summary>The same kind of model trained from another seed: other weights, so another file.</summary>
    public static string OtherModelPath => OtherPath.Value;

    public static string[] Classes { get; } = { "low", "high" };

    public sealed class Row
    {
        public float X { get; set; }
        public float Y { get; set; }
        public string Level { get; set; } = "";
        public string Colour { get; set; } = "";
    }

    /// <summary>The saved sampler loaded in this process, for single-process reference results.</summary>
    public static GanSampler Load() => (GanSampler)new MLContext(0).Model.Load(Path, out _);

    private static string Train(int seed)
    {
        var ml = new MLContext(seed);
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 400).Select(i => new Row
        {
            X = (float)(i % 2 == 0 ? random.NextDouble() : 5 + random.NextDouble()),
            Y = (float)random.NextDouble(),
            Level = Classes[i % 2],
            Colour = i % 3 == 0 ? "red" : "blue",
        }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        using var sampler = ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { "X", "Y", "Colour" },
            ConditionColumnName = "Level",
            Epochs = 2,
            BatchSize = 100,
            NumberOfThreads = 1,
        }).Fit(data);
        var directory = Directory.CreateTempSubdirectory("ganest-orleans-model-").FullName;
        var path = System.IO.Path.Combine(directory, "gan.zip");
        ml.Model.Save(sampler, data.Schema, path);
        return path;
    }
}

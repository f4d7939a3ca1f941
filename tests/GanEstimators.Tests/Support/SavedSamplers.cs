using Microsoft.ML;

namespace GanEstimators.Tests.Support;

/// <summary>Saving a sampler the way a user does and loading it back in a fresh <see cref="MLContext"/>, as another process would.</summary>
public static class SavedSamplers
{
    /// <summary>Saves <paramref name="sampler"/> as <paramref name="fileName"/> in the test run's results folder (one folder per test class) and loads it back.</summary>
    public static GanSampler SaveAndReload(TestContext test, MLContext ml, GanSampler sampler, DataViewSchema schema, string fileName) =>
        (GanSampler)new MLContext().Model.Load(Save(test, ml, sampler, schema, fileName), out _);

    /// <summary>Saves <paramref name="sampler"/> as <paramref name="fileName"/> in the test run's results folder (one folder per test class); returns its path.</summary>
    public static string Save(TestContext test, MLContext ml, GanSampler sampler, DataViewSchema schema, string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(test.TestRunResultsDirectory ?? Path.GetTempPath(), test.FullyQualifiedTestClassName)).FullName;
        var path = Path.Combine(folder, fileName);
        ml.Model.Save(sampler, schema, path);
        return path;
    }
}

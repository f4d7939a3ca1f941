using System.Globalization;
using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Cli;

/// <summary>A small CSV and a model trained on it for one epoch by `ganest train`, made once and shared by the CLI failure tests.</summary>
public static class TinyModel
{
    private static readonly Lazy<(string Data, string Model)> Files = new(Train);

    public static string Data => Files.Value.Data;

    public static string Model => Files.Value.Model;

    public const string Header = "x,count,colour";

    public static IEnumerable<string> Rows(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
            $"{(random.NextDouble() * 10).ToString("F2", CultureInfo.InvariantCulture)},{random.Next(0, 6)},{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")}");
    }

    private static (string, string) Train()
    {
        var folder = Path.Combine(TempFolders.Root, "tiny-model");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "tiny.csv");
        File.WriteAllLines(data, new[] { Header }.Concat(Rows(60)));
        var model = Path.Combine(folder, "tiny.zip");
        var train = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1");
        Assert.AreEqual(0, train.ExitCode, train.Output);
        return (data, model);
    }
}

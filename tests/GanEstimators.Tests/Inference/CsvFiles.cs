using System.Reflection;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Inference;

/// <summary>Paths of data/ files, a fresh folder for written ones, and reading a text or number column back.</summary>
internal static class CsvFiles
{
    public static string Data(params string[] parts) => Path.Combine(new[] { RepoRoot, "data" }.Concat(parts).ToArray());

    private static string RepoRoot =>
        typeof(CsvFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>A file in a folder of its own, holding exactly <paramref name="content"/> encoded as UTF-8 without a byte-order mark.</summary>
    public static string Write(string name, string content) => Write(name, new System.Text.UTF8Encoding(false).GetBytes(content));

    public static string Write(string name, byte[] content)
    {
        var folder = Path.Combine(TempFolders.Root, "inference", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string[] Texts(IDataView data, string column) => data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();

    public static float[] Singles(IDataView data, string column) => data.GetColumn<float>(column).ToArray();

    public static GanInferredColumn Column(this GanColumnInferenceResults results, string name) => results.Columns.Single(c => c.Name == name);
}

using System.IO.Compression;
using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary>A --model that is not a model, or a damaged one, is one line naming the file, never a stack trace.</summary>
[TestClass]
public sealed class GanestModelFileTests : GanestTestFolder
{
    [TestMethod]
    public void AModelThatIsADirectoryMissingOrNotAZipIsNamed()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "adir"));
        var csv = Path.Combine(Folder, "data.csv");
        File.WriteAllText(csv, "a,b\n1,2\n");

        AssertFailsNaming(Path.Combine(Folder, "adir"), "is a directory", "model .zip file");
        AssertFailsNaming(Path.Combine(Folder, "nosuch.zip"), "does not exist");
        AssertFailsNaming(csv, "is not a model .zip file");
    }

    [TestMethod]
    public void ATruncatedModelZipIsNamed()
    {
        var bytes = File.ReadAllBytes(TinyModel.Model);
        var half = Path.Combine(Folder, "half.zip");
        File.WriteAllBytes(half, bytes[..(bytes.Length / 2)]);
        var tail = Path.Combine(Folder, "tail.zip");
        File.WriteAllBytes(tail, bytes[..^10]);

        AssertFailsNaming(half, "is not a model .zip file");
        AssertFailsNaming(tail, "is not a model .zip file");
    }

    [TestMethod]
    public void ATruncatedOrCorruptedGeneratorEntryIsNamed()
    {
        AssertFailsNaming(Rewrite("truncated.zip", "Generator.bin", data => data[..(data.Length / 2)]), "could not be loaded");
        AssertFailsNaming(Rewrite("empty.zip", "Generator.bin", _ => Array.Empty<byte>()), "could not be loaded");

        // Damage the compressed bytes themselves (the zip's own structure stays intact).
        var corrupted = Path.Combine(Folder, "corrupted.zip");
        var bytes = File.ReadAllBytes(TinyModel.Model);
        var name = System.Text.Encoding.ASCII.GetBytes("Generator.bin");
        var start = bytes.AsSpan().IndexOf(name) + name.Length + 1000;
        for (var i = start; i < start + 200; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(corrupted, bytes);
        AssertFailsNaming(corrupted);
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void MalformedOrEditedColumnMetadataIsNamed()
    {
        AssertFailsNaming(Rewrite("malformed.zip", "ganest/columns.json", _ => "[{\"Name\":\"x\","u8.ToArray()), "ganest/columns.json");
        AssertFailsNaming(Rewrite("null.zip", "ganest/columns.json", _ => "null"u8.ToArray()), "ganest/columns.json", "no columns");
        AssertFailsNaming(Rewrite("decimals.zip", "ganest/columns.json", Edit("\"Decimals\":2", "\"Decimals\":99")), "ganest/columns.json", "99 decimals");
        AssertFailsNaming(Rewrite("kind.zip", "ganest/columns.json", Edit("\"Kind\":1", "\"Kind\":\"Banana\"")), "ganest/columns.json");
        AssertFailsNaming(Rewrite("renamed.zip", "ganest/columns.json", Edit("\"Name\":\"x\"", "\"Name\":\"zz\"")), "ganest/columns.json", "'zz', which the sampler does not generate");
        AssertFailsNaming(Rewrite("dropped.zip", "ganest/columns.json", DropColumn("colour")), "ganest/columns.json", "leaves out 'colour', which the sampler generates");
        AssertFailsNaming(Rewrite("missing.zip", "ganest/columns.json", _ => null), "ganest/columns.json");
    }

    /// <summary>sample and augment both fail with one line naming the model file (and the given texts), leaving nothing behind.</summary>
    private void AssertFailsNaming(string model, params string[] texts)
    {
        var before = FilesIn(Folder);
        var named = texts.Prepend($"--model '{model}'").ToArray();
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--count", "5", "--out", Path.Combine(Folder, "out.csv")), Folder, before, named);
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--count", "5", "--out", Path.Combine(Folder, "out.csv")), Folder, before, named);
    }

    /// <summary>The column list without the named column, as an edit by hand would leave it.</summary>
    private static Func<byte[], byte[]?> DropColumn(string name) => data =>
    {
        var columns = System.Text.Json.Nodes.JsonNode.Parse(data)!.AsArray();
        var column = columns.Single(c => (string?)c!["Name"] == name);
        columns.Remove(column);
        return System.Text.Encoding.UTF8.GetBytes(columns.ToJsonString());
    };

    private static Func<byte[], byte[]?> Edit(string from, string to) => data =>
    {
        var text = System.Text.Encoding.UTF8.GetString(data);
        Assert.Contains(from, text, "the edit applies to this model's metadata");
        return System.Text.Encoding.UTF8.GetBytes(text.Replace(from, to));
    };

    /// <summary>A copy of the tiny model with the entry ending in <paramref name="entrySuffix"/> changed (or left out when the change gives null).</summary>
    private string Rewrite(string name, string entrySuffix, Func<byte[], byte[]?> change)
    {
        var path = Path.Combine(Folder, name);
        using (var source = ZipFile.OpenRead(TinyModel.Model))
        using (var target = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                var data = entry.FullName.EndsWith(entrySuffix, StringComparison.Ordinal) ? change(buffer.ToArray()) : buffer.ToArray();
                if (data is null) continue;
                using var output = target.CreateEntry(entry.FullName).Open();
                output.Write(data);
            }
        }
        return path;
    }
}

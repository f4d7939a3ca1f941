using System.Diagnostics;
using GanEstimators.Conditioning;
using GanEstimators.Sampling;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Sampling;

/// <summary>
/// <c>Sample</c> returns a view whose rows are generated chunk by chunk as a cursor reaches them: any count streams in
/// bounded memory, every cursor regenerates the same rows from the seed, and the rows are those the whole random stream
/// gives at once.
/// </summary>
[TestClass]
public sealed class LazySampleTests
{
    private static GanSampler? _unconditional;
    private static GanSampler? _conditional;

    private static GanSampler Unconditional => _unconditional ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1), rows: 200);

    private static GanSampler Conditional => _conditional ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 200);

    [TestMethod]
    public void TheLargestCountStreamsItsFirstRowsQuicklyInBoundedMemory()
    {
        const int read = 50_000;
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var sample = Conditional.Sample(int.MaxValue, seed: 4);
        using var cursor = sample.GetRowCursor(sample.Schema);
        var x = cursor.GetGetter<float>(sample.Schema["X"]);
        var mode = cursor.GetGetter<ReadOnlyMemory<char>>(sample.Schema["Mode"]);
        float value = 0;
        ReadOnlyMemory<char> label = default;
        var finite = 0;
        for (var i = 0; i < read && cursor.MoveNext(); i++)
        {
            x(ref value);
            mode(ref label);
            if (float.IsFinite(value) && label.Length > 0) finite++;
        }
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.AreEqual((long)int.MaxValue, sample.GetRowCount());
        Assert.AreEqual(read, finite);
        Assert.IsLessThan(60, watch.Elapsed.TotalSeconds, "seconds to read the first rows");
        Assert.IsLessThan(64L << 20, grown, "bytes held while the cursor is open");
    }

    [TestMethod]
    public void EveryCursorRegeneratesTheSameRows()
    {
        var sample = Conditional.Sample(5_000, seed: 9);

        var first = Rows(sample);
        var second = Rows(sample);

        Assert.AreEqual(5_000L, sample.GetRowCount());
        Assert.HasCount(5_000, first);
        CollectionAssert.AreEqual(first, second);
        Assert.IsGreaterThan(4_000, first.Distinct().Count(), "rows differ from one another");
    }

    [TestMethod]
    public void TwoCursorsReadSideBySideGiveTheSameRows()
    {
        var sample = Conditional.Sample(6_000, seed: 2);
        using var a = sample.GetRowCursor(sample.Schema);
        using var b = sample.GetRowCursor(sample.Schema);
        var ax = a.GetGetter<float>(sample.Schema["X"]);
        var bx = b.GetGetter<float>(sample.Schema["X"]);
        float va = 0, vb = 0;
        var rows = 0;
        while (a.MoveNext())
        {
            Assert.IsTrue(b.MoveNext());
            ax(ref va);
            bx(ref vb);
            Assert.AreEqual(va, vb, $"row {rows}");
            rows++;
        }
        Assert.IsFalse(b.MoveNext());
        Assert.AreEqual(6_000, rows);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2_048)]
    [DataRow(5_000)]
    public void ChunkedRowsAreThoseTheWholeRandomStreamGives(int count)
    {
        const int seed = 17;
        var sample = Unconditional.Sample(count, seed: seed);

        using var random = new TorchSharp.torch.Generator(seed);
        var whole = Unconditional.Generator.Generate(count, GenerationRequest.ForClasses(null), random);

        var xs = Columns.Read<float>(sample, "X");
        var ys = Columns.Read<float>(sample, "Y");
        Assert.HasCount(count, xs);
        for (var r = 0; r < count; r++)
        {
            Assert.AreEqual(whole[2 * r], xs[r], $"X of row {r}");
            Assert.AreEqual(whole[2 * r + 1], ys[r], $"Y of row {r}");
        }
    }

    [TestMethod]
    public void AFixedClassAppliesToEveryChunk()
    {
        var modes = Columns.Read<string>(Conditional.Sample(5_000, "m6", seed: 1), "Mode");

        Assert.HasCount(5_000, modes);
        Assert.IsTrue(modes.All(m => m == "m6"));
    }

    private static List<(float, float, string)> Rows(IDataView sample)
    {
        var rows = new List<(float, float, string)>();
        using var cursor = sample.GetRowCursor(sample.Schema);
        var x = cursor.GetGetter<float>(sample.Schema["X"]);
        var y = cursor.GetGetter<float>(sample.Schema["Y"]);
        var mode = cursor.GetGetter<ReadOnlyMemory<char>>(sample.Schema["Mode"]);
        float xv = 0, yv = 0;
        ReadOnlyMemory<char> label = default;
        while (cursor.MoveNext())
        {
            x(ref xv);
            y(ref yv);
            mode(ref label);
            rows.Add((xv, yv, label.ToString()));
        }
        return rows;
    }
}

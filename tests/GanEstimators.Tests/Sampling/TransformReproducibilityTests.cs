using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Sampling;

/// <summary>
/// <c>Transform</c> derives each row's noise from the model seed and the input row's id, so the rows it gives do not
/// depend on how ML.NET splits the input among cursors, or on which pass this is.
/// </summary>
[TestClass]
public sealed class TransformReproducibilityTests
{
    private const int Rows = 5000;

    private static GanSampler? _sampler;

    private static GanSampler Sampler => _sampler ??= RingTraining.Fit(RingTraining.Options(GanLoss.Hinge, epochs: 1, condition: "Mode"), rows: 400);

    private static IDataView Requests(MLContext ml) => ml.Data.LoadFromEnumerable(RingOfGaussians.Points(Rows, 0.05, seed: 2));

    [TestMethod]
    public void EveryPassOverTheTransformedDataGivesTheSameRows()
    {
        var transformed = Sampler.Transform(Requests(new MLContext(0)));

        var first = Columns.Points(transformed);
        var second = Columns.Points(transformed);

        Assert.HasCount(Rows, first);
        var differing = Enumerable.Range(0, Rows).Count(i => !first[i].SequenceEqual(second[i]));
        Assert.AreEqual(0, differing, "rows that differ between two passes");
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(4)]
    public void ACursorSetGivesEachRowWhatASingleCursorGivesIt(int cursors)
    {
        var transformed = Sampler.Transform(Requests(new MLContext(0)));
        var single = RowsById(new[] { transformed.GetRowCursor(Needed(transformed)) });

        var split = transformed.GetRowCursorSet(Needed(transformed), cursors);
        var parallel = RowsById(split);

        Assert.HasCount(Rows, single);
        Assert.HasCount(Rows, parallel);
        foreach (var (id, row) in single)
            CollectionAssert.AreEqual(row, parallel[id], $"row {id}");
    }

    [TestMethod]
    public void APredictionEngineGivesANewRowEachCallInTheSameSequenceForEveryNewEngine()
    {
        var ml = new MLContext(0);
        float[][] Predictions()
        {
            var engine = ml.Model.CreatePredictionEngine<RingPoint, RingPoint>(Sampler);
            return Enumerable.Range(0, 20).Select(_ => engine.Predict(new RingPoint { Mode = "m3" })).Select(p => new[] { p.X, p.Y }).ToArray();
        }

        var first = Predictions();
        var second = Predictions();

        Assert.AreEqual(20, first.Select(p => (p[0], p[1])).Distinct().Count(), "each call draws new noise");
        for (var i = 0; i < first.Length; i++) CollectionAssert.AreEqual(first[i], second[i], $"call {i}");
    }

    private static DataViewSchema.Column[] Needed(IDataView data) => new[] { data.Schema["X"], data.Schema["Y"] };

    // Each cursor runs on its own thread, as ML.NET's consumers of a cursor set do.
    private static Dictionary<DataViewRowId, float[]> RowsById(DataViewRowCursor[] cursors)
    {
        var rows = cursors.AsParallel().WithDegreeOfParallelism(cursors.Length).SelectMany(cursor =>
        {
            using (cursor)
            {
                var id = cursor.GetIdGetter();
                var x = cursor.GetGetter<float>(cursor.Schema["X"]);
                var y = cursor.GetGetter<float>(cursor.Schema["Y"]);
                var read = new List<(DataViewRowId, float[])>();
                DataViewRowId rowId = default;
                float xValue = 0, yValue = 0;
                while (cursor.MoveNext())
                {
                    id(ref rowId);
                    x(ref xValue);
                    y(ref yValue);
                    read.Add((rowId, new[] { xValue, yValue }));
                }
                return read;
            }
        }).ToList();
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }
}

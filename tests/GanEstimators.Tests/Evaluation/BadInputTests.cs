using GanEstimators.Evaluation;
using Microsoft.ML;
using static GanEstimators.Tests.Evaluation.EvaluationTables;

namespace GanEstimators.Tests.Evaluation;

[TestClass]
public sealed class EvaluationBadInputTests
{
    private readonly MLContext _ml = new(1);

    private IDataView Mixed(int count = 30) => _ml.Data.LoadFromEnumerable(ThreeClasses(count, seed: 1));

    private sealed class TextX
    {
        public string X { get; set; } = "";
        public float Noise { get; set; }
        public string Label { get; set; } = "";
    }

    private sealed class NumericLabel
    {
        public float X { get; set; }
        public float Label { get; set; }
    }

    [TestMethod]
    public void SyntheticDataWithoutARealColumnIsRejectedByName()
    {
        var synthetic = _ml.Transforms.DropColumns("Noise").Fit(Mixed()).Transform(Mixed());
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Gan().Evaluate(Mixed(), synthetic));
        StringAssert.Contains(error.Message, "'Noise'");
        StringAssert.Contains(error.Message, "synthetic");
    }

    [TestMethod]
    public void ColumnOfAnotherKindInTheSyntheticDataIsRejectedByName()
    {
        var synthetic = _ml.Data.LoadFromEnumerable(new[] { new TextX { X = "1.5", Label = "low" } });
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Gan().Evaluate(Mixed(), synthetic));
        StringAssert.Contains(error.Message, "'X'");
        StringAssert.Contains(error.Message, "numeric in the real data");
    }

    [TestMethod]
    public void LabelThatIsNotAClassIsRejectedByName()
    {
        var rows = _ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new NumericLabel { X = i, Label = i * 0.5f }).ToArray());
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            _ml.Gan().Evaluate(rows, rows, new TabularEvaluationOptions { LabelColumnName = "Label", TestData = rows }));
        StringAssert.Contains(error.Message, "'Label'");
        StringAssert.Contains(error.Message, "class label");
    }

    [TestMethod]
    public void TestDataWithoutAComparedColumnIsRejectedByName()
    {
        var test = _ml.Transforms.DropColumns("X").Fit(Mixed()).Transform(Mixed());
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            _ml.Gan().Evaluate(Mixed(), Mixed(), new TabularEvaluationOptions { LabelColumnName = "Label", TestData = test }));
        StringAssert.Contains(error.Message, "'X'");
        StringAssert.Contains(error.Message, "test data");
    }

    [TestMethod]
    public void LabelWithoutTestDataAndUnknownColumnNamesAreRejected()
    {
        var noTest = Assert.ThrowsExactly<ArgumentException>(() =>
            _ml.Gan().Evaluate(Mixed(), Mixed(), new TabularEvaluationOptions { LabelColumnName = "Label" }));
        StringAssert.Contains(noTest.Message, "TestData");

        var unknown = Assert.ThrowsExactly<ArgumentException>(() =>
            _ml.Gan().Evaluate(Mixed(), Mixed(), new TabularEvaluationOptions { ColumnNames = new[] { "X", "Colour" } }));
        StringAssert.Contains(unknown.Message, "'Colour'");
    }

    [TestMethod]
    public void VectorColumnIsRejectedWithAHintToListTheColumns()
    {
        var withVector = _ml.Transforms.Concatenate("Features", "X", "Noise").Fit(Mixed()).Transform(Mixed());
        var error = Assert.ThrowsExactly<ArgumentException>(() => _ml.Gan().Evaluate(withVector, withVector));
        StringAssert.Contains(error.Message, "'Features'");
        StringAssert.Contains(error.Message, "ColumnNames");
    }
}

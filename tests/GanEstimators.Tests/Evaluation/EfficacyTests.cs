using GanEstimators.Evaluation;
using Microsoft.ML;
using static GanEstimators.Tests.Evaluation.EvaluationTables;

namespace GanEstimators.Tests.Evaluation;

[TestClass]
public sealed class EfficacyTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void LabelThatFollowsAFeatureIsLearnedFromRealRowsButNotFromShuffledLabels()
    {
        var ml = new MLContext(1);
        var realRows = ThreeClasses(400, seed: 1);
        var shuffledLabels = realRows.Select(r => r.Label).ToArray();
        new Random(2).Shuffle(shuffledLabels);
        var synthetic = realRows.Select((r, i) => new MixedRow { X = r.X, Noise = r.Noise, Label = shuffledLabels[i] });
        var options = new TabularEvaluationOptions { LabelColumnName = "Label", TestData = ml.Data.LoadFromEnumerable(ThreeClasses(300, seed: 5)) };

        var metrics = ml.Gan().Evaluate(ml.Data.LoadFromEnumerable(realRows), ml.Data.LoadFromEnumerable(synthetic), options);

        var real = metrics.TrainOnRealTestOnReal!;
        var fromSynthetic = metrics.TrainOnSyntheticTestOnReal!;
        Assert.IsGreaterThan(0.9, real.MacroF1, $"train on real: {real}");
        Assert.IsGreaterThan(0.9, real.Accuracy, $"train on real: {real}");
        // Three balanced classes: guessing gives about 1/3.
        Assert.IsLessThan(0.6, fromSynthetic.MacroF1, $"train on synthetic with shuffled labels: {fromSynthetic}");
        Assert.IsLessThan(real.MacroF1 - 0.3, fromSynthetic.MacroF1);
        StringAssert.Contains(metrics.ToString(), "Train synthetic, test real");
    }

    [TestMethod]
    public void SyntheticRowsOfOneClassGiveNoEfficacyFigure()
    {
        var ml = new MLContext(1);
        var realRows = ThreeClasses(100, seed: 1);
        var oneClass = realRows.Select(r => new MixedRow { X = r.X, Noise = r.Noise, Label = "low" });
        var options = new TabularEvaluationOptions { LabelColumnName = "Label", TestData = ml.Data.LoadFromEnumerable(ThreeClasses(50, seed: 5)) };

        var metrics = ml.Gan().Evaluate(ml.Data.LoadFromEnumerable(realRows), ml.Data.LoadFromEnumerable(oneClass), options);

        Assert.IsTrue(double.IsNaN(metrics.TrainOnSyntheticTestOnReal!.MacroF1));
        Assert.IsTrue(double.IsNaN(metrics.TrainOnSyntheticTestOnReal.Accuracy));
        Assert.IsFalse(double.IsNaN(metrics.TrainOnRealTestOnReal!.MacroF1));
        StringAssert.Contains(metrics.ToJson(), "\"tstr_macro_f1\": null");
    }
}

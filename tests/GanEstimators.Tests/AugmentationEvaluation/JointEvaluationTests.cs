using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class JointEvaluationTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EstimatorsEvaluatedTogetherSeeTheSameRowsAndScoreAsTheyWouldAlone()
    {
        var rows = Penguin.Read();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var first = new RecordingEstimator(ml, Penguin.Classifier(new MLContext(11)));
        var second = new RecordingEstimator(ml, Penguin.Classifier(new MLContext(12)));
        var options = Penguin.QuickOptions(epochs: 1, 0.5, 1.0);
        var gans = 0;
        options.GanTrained = _ => gans++;

        var joint = ml.Gan().EvaluateAugmentation(data, new[]
        {
            new AugmentationDownstream("first", first),
            new AugmentationDownstream("second", second, w => Penguin.Classifier(new MLContext(13), w)),
        }, options);

        Assert.AreEqual(3, gans, "one GAN per fold for both estimators");
        Assert.HasCount(2, joint);
        Assert.AreEqual("first", joint[0].DownstreamName);
        StringAssert.Contains(joint[1].ToString(), "Augmentation evaluation of 'second'");
        Assert.IsNull(joint[0].ClassWeights, "the first has no class-weighted form");
        Assert.IsNotNull(joint[1].ClassWeights);
        Assert.HasCount(first.TrainingSets.Count, second.TrainingSets);
        foreach (var (a, b) in first.TrainingSets.Zip(second.TrainingSets))
            CollectionAssert.AreEqual(a.Select(Describe).ToArray(), b.Select(Describe).ToArray(), "the same training sets, added rows included");

        var aloneMl = new MLContext(1);
        var alone = aloneMl.Gan().EvaluateAugmentation(aloneMl.Data.LoadFromEnumerable(rows), Penguin.Classifier(new MLContext(11)), Penguin.QuickOptions(epochs: 1, 0.5, 1.0));
        Assert.IsNull(alone.DownstreamName);
        Assert.HasCount(alone.Methods.Count, joint[0].Methods);
        foreach (var (a, j) in alone.Methods.Zip(joint[0].Methods))
            CollectionAssert.AreEqual(a.FoldScores.ToArray(), j.FoldScores.ToArray(), $"{a.Name} {a.Ratio}");
    }

    [TestMethod]
    public void BadEstimatorListsAreRefusedNamingTheProblem()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Penguin.Read());
        var classifier = Penguin.Classifier(ml);
        ArgumentException Refused(IReadOnlyList<AugmentationDownstream> estimators, Action<AugmentationEvaluationOptions>? change = null)
        {
            var options = Penguin.QuickOptions(epochs: 0, 1.0);
            change?.Invoke(options);
            return Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().EvaluateAugmentation(data, estimators, options));
        }

        StringAssert.Contains(Refused(Array.Empty<AugmentationDownstream>()).Message, "at least one downstream estimator");
        StringAssert.Contains(Refused(new[] { new AugmentationDownstream(" ", classifier) }).Message, "empty Name");
        StringAssert.Contains(Refused(new[] { new AugmentationDownstream("a", classifier), new AugmentationDownstream("a", classifier) }).Message, "Two downstream estimators are named 'a'");
        StringAssert.Contains(Refused(new[] { new AugmentationDownstream("a", null!) }).Message, "'a' has a null Estimator");
        StringAssert.Contains(Refused(new[] { new AugmentationDownstream("a", classifier) }, o => o.ClassWeightedEstimator = w => Penguin.Classifier(ml, w)).Message,
            "set AugmentationDownstream.ClassWeightedEstimator instead");
        StringAssert.Contains(Refused(new[] { new AugmentationDownstream("a", classifier, _ => null!) }).Message, "AugmentationDownstream 'a'.ClassWeightedEstimator returned null");
    }

    private static string Describe(Penguin p) => $"{p.Id} {p.Species} {p.Island} {string.Join(" ", p.Values())}";
}

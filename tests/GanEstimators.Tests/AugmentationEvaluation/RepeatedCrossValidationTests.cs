using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class RepeatedCrossValidationTests
{
    private const int Folds = 3;

    private static AugmentationEvaluationResult Evaluate(int? repeats, Action<AugmentationFoldGan>? ganTrained = null)
    {
        var ml = new MLContext(1);
        var options = Penguin.QuickOptions(epochs: 1, 0.5, 1.0);
        if (repeats is { } r) options.NumberOfRepeats = r;
        options.GanTrained = ganTrained;
        return ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), options);
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void OneRepeatIsTheEvaluationWithoutTheOption()
    {
        var byDefault = Evaluate(repeats: null);
        var one = Evaluate(repeats: 1);

        Assert.AreEqual(1, byDefault.NumberOfRepeats);
        Assert.AreEqual(byDefault.ToString(), one.ToString());
        Assert.HasCount(Folds, one.FoldTestRows);
        CollectionAssert.AreEqual(new[] { 92, 92, 91 }, one.FoldTestRows.Select(f => f.Count).ToArray());
        CollectionAssert.AreEqual(new[] { 3, 8, 10, 14, 15 }, one.FoldTestRows[0].Take(5).ToArray());
        CollectionAssert.AreEqual(new[] { 0, 7, 9, 13, 16 }, one.FoldTestRows[1].Take(5).ToArray());
        // Scores are not compared with recorded ones: they come from GAN rows, whose floats differ from CPU to CPU (and
        // change with the sampler's defaults); the default run above is the same evaluation without the option.
        var gan = one.Methods.Single(m => m.Method == AugmentationMethod.Gan && m.Ratio == 1);
        CollectionAssert.AreEqual(byDefault.Methods.SelectMany(m => m.FoldScores).ToArray(), one.Methods.SelectMany(m => m.FoldScores).ToArray());
        CollectionAssert.AreEqual(new[] { 60, 60, 62 }, gan.AddedRows.ToArray());
        Assert.HasCount(Folds, gan.FoldScores);
        CollectionAssert.AreEqual(new[] { 0, 0, 0 }, gan.FoldRepeats.ToArray());
        Assert.IsGreaterThan(gan.AgainstRealOnly!.PValue, gan.AgainstRealOnly.CorrectedPValue);
        StringAssert.Contains(one.ToString(), "3-fold stratified cross-validation on 'Species'");
        StringAssert.Contains(one.ToString(), "p: corrected resampled t-test");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TwoRepeatsScoreEveryMethodOnTwiceTheFoldsEachRepeatOnNewFoldsWithItsOwnGans()
    {
        var rows = Penguin.Read();
        var gans = new List<(int Repeat, int Fold, int[] TrainingRows)>();
        var one = Evaluate(repeats: 1);

        var two = Evaluate(repeats: 2, gan => gans.Add((gan.Repeat, gan.Fold, gan.TrainingRows.ToArray())));

        Assert.AreEqual(2, two.NumberOfRepeats);
        Assert.AreEqual(Folds, two.NumberOfFolds);
        Assert.HasCount(2 * Folds, two.FoldTestRows);
        for (var repeat = 0; repeat < 2; repeat++)
        {
            var folds = two.FoldTestRows.Skip(repeat * Folds).Take(Folds).ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(0, rows.Length).ToArray(), folds.SelectMany(f => f).Order().ToArray(), $"repeat {repeat}: its folds are disjoint and cover every row");
            foreach (var fold in folds)
                Assert.AreEqual(18, fold.Count(r => rows[r].Species == "Chinstrap"), $"repeat {repeat}: stratified, a third of the 54 Chinstrap rows in each fold");
        }
        for (var fold = 0; fold < Folds; fold++)
        {
            CollectionAssert.AreEqual(one.FoldTestRows[fold].ToArray(), two.FoldTestRows[fold].ToArray(), "the first repeat's folds are a single run's");
            CollectionAssert.AreNotEqual(two.FoldTestRows[fold].ToArray(), two.FoldTestRows[Folds + fold].ToArray(), "the second repeat draws new folds");
        }

        Assert.HasCount(one.Methods.Count, two.Methods);
        foreach (var (single, repeated) in one.Methods.Zip(two.Methods))
        {
            Assert.HasCount(2 * Folds, repeated.FoldScores, $"{repeated.Name} {repeated.Ratio}");
            Assert.HasCount(2 * Folds, repeated.AddedRows);
            CollectionAssert.AreEqual(new[] { 0, 0, 0, 1, 1, 1 }, repeated.FoldRepeats.ToArray());
            CollectionAssert.AreEqual(single.FoldScores.ToArray(), repeated.ScoresOfRepeat(0).ToArray(), $"{repeated.Name} {repeated.Ratio}: the first repeat scores as a single run");
            foreach (var comparison in new[] { repeated.AgainstRealOnly, repeated.AgainstOversampling }.OfType<PairedComparison>())
                Assert.IsGreaterThanOrEqualTo(comparison.PValue, comparison.CorrectedPValue, $"{repeated.Name} {repeated.Ratio}");
        }

        CollectionAssert.AreEqual(new[] { (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2) }, gans.Select(g => (g.Repeat, g.Fold)).ToArray(), "a GAN per fold of every repeat");
        foreach (var (repeat, fold, trainingRows) in gans)
        {
            var held = two.FoldTestRows[repeat * Folds + fold].ToHashSet();
            CollectionAssert.AreEqual(Enumerable.Range(0, rows.Length).Where(r => !held.Contains(r)).ToArray(), trainingRows, $"repeat {repeat} fold {fold}: the GAN sees the fold's training rows only");
        }
        var text = two.ToString();
        StringAssert.Contains(text, "3-fold stratified cross-validation repeated 2 times (6 fold scores) on 'Species'");
        StringAssert.Contains(text, "p: corrected resampled t-test (Nadeau and Bengio 2003) over the 6 paired fold differences, 5 degrees of freedom");
        StringAssert.Contains(text, " | ");
    }

    [TestMethod]
    public void FewerThanOneRepeatIsRefusedNamingTheOption()
    {
        var ml = new MLContext(1);
        var options = Penguin.QuickOptions(epochs: 1, 1.0);
        options.NumberOfRepeats = 0;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), options));

        Assert.AreEqual(nameof(AugmentationEvaluationOptions.NumberOfRepeats), error.ParamName);
        StringAssert.Contains(error.Message, "AugmentationEvaluationOptions.NumberOfRepeats must be at least 1");
    }
}

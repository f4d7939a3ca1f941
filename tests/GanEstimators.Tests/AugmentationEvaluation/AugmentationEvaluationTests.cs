using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class AugmentationEvaluationTests
{
    // One ratio: per fold the estimator is fitted on real only, then oversampling, SMOTE and GAN rows, in that order.
    private const int FitsPerFold = 4;

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EachFoldTrainsItsGanAndItsClassifiersOnTheFoldsTrainingRowsOnly()
    {
        var ml = new MLContext(1);
        var rows = Penguin.Read();
        var recorder = new RecordingEstimator(ml, Penguin.Classifier(ml));
        var options = Penguin.QuickOptions(epochs: 1, 1.0);
        // A unique Id per row as a categorical GAN feature: the GAN's vocabulary of Ids is the set of rows it saw.
        options.GanOptions.FeatureColumnNames = options.GanOptions.FeatureColumnNames.Append(nameof(Penguin.Id)).ToArray();
        var ganIds = new List<(int Fold, int[] TrainingRows, HashSet<string> Ids)>();
        options.GanTrained = gan => ganIds.Add((gan.Fold, gan.TrainingRows.ToArray(), gan.Sampler.ValuesOf(nameof(Penguin.Id)).ToHashSet()));

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), recorder, options);

        CollectionAssert.AreEqual(Enumerable.Range(0, rows.Length).ToArray(), result.FoldTestRows.SelectMany(f => f).Order().ToArray(), "folds are disjoint and cover every row");
        foreach (var fold in result.FoldTestRows)
            Assert.AreEqual(18, fold.Count(r => rows[r].Species == "Chinstrap"), "stratified: a third of the 54 Chinstrap rows in each fold");
        Assert.HasCount(3, ganIds);
        Assert.HasCount(3 * FitsPerFold, recorder.TrainingSets);
        Assert.AreEqual(3 * FitsPerFold, recorder.DisposedModels, "every fitted downstream model is disposed once scored");
        foreach (var (fold, trainingRows, ids) in ganIds)
        {
            var held = result.FoldTestRows[fold].ToHashSet();
            var expected = Enumerable.Range(0, rows.Length).Where(r => !held.Contains(r)).ToArray();
            CollectionAssert.AreEqual(expected, trainingRows);
            CollectionAssert.AreEquivalent(expected.Select(r => rows[r].Id).ToArray(), ids.ToArray(), $"fold {fold}: the GAN knows exactly the training rows' Ids");

            var real = expected.Select(r => rows[r]).ToArray();
            var sets = recorder.TrainingSets.Skip(fold * FitsPerFold).Take(FitsPerFold).ToArray();
            foreach (var set in sets)
                CollectionAssert.AreEqual(real.Select(p => p.Id).ToArray(), set.Take(real.Length).Select(p => p.Id).ToArray(), "every training set starts with the fold's real training rows");
            Assert.HasCount(real.Length, sets[0], "real only");
            var byId = real.ToDictionary(p => p.Id);
            var oversampled = sets[1].Skip(real.Length).ToArray();
            foreach (var copy in oversampled)
            {
                Assert.IsTrue(byId.TryGetValue(copy.Id, out var parent), $"fold {fold}: oversampled row {copy.Id} is not a training row");
                Assert.AreEqual(parent.Species, copy.Species);
                CollectionAssert.AreEqual(parent.Values(), copy.Values());
            }
            foreach (var smote in sets[2].Skip(real.Length))
                Assert.IsTrue(LiesBetweenTwoRowsOfItsClass(smote, real), $"fold {fold}: SMOTE row {smote.Id} ({string.Join(", ", smote.Values())}, {smote.Species}) is not between two {smote.Species} training rows");
            var gan = sets[3].Skip(real.Length).ToArray();
            Assert.IsTrue(gan.All(p => byId.ContainsKey(p.Id)), "GAN rows carry only Ids the GAN was trained on");
            foreach (var added in new[] { sets[2].Skip(real.Length).ToArray(), gan })
                CollectionAssert.AreEquivalent(oversampled.Select(p => p.Species).ToArray(), added.Select(p => p.Species).ToArray(), "every method adds the same rows of each class");
            // Balancing to the largest class (about 81 Adelie in training) adds about 45 Chinstrap and 15 Gentoo rows.
            Assert.IsGreaterThan(50, oversampled.Length);
        }
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TheSameSeedGivesTheSameTableAndTheRecommendationFollowsTheMeans()
    {
        AugmentationEvaluationResult Evaluate()
        {
            var ml = new MLContext(1);
            return ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), Penguin.QuickOptions(epochs: 2, 0.5, 1.0));
        }

        var first = Evaluate();
        var second = Evaluate();

        Assert.AreEqual(first.ToString(), second.ToString());
        foreach (var (a, b) in first.Methods.Zip(second.Methods)) CollectionAssert.AreEqual(a.FoldScores.ToArray(), b.FoldScores.ToArray(), $"{a.Name} {a.Ratio}");
        Assert.HasCount(1 + 2 * 3, first.Methods);
        var gans = first.Methods.Where(m => m.Method == AugmentationMethod.Gan).ToArray();
        var best = gans.OrderByDescending(m => m.Mean).First();
        Assert.AreEqual(best.Mean > first.RealOnly.Mean ? best.Ratio : 0, first.RecommendedGanRatio);
        StringAssert.Contains(first.ToString(), "Recommended GAN ratio");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AnUntrainedGanIsNotRecommended()
    {
        var ml = new MLContext(1);
        var options = Penguin.QuickOptions(epochs: 0, 1.0);

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), options);

        var gan = result.Methods.Single(m => m.Method == AugmentationMethod.Gan);
        var oversampling = result.Methods.Single(m => m.Method == AugmentationMethod.RandomOversampling);
        Assert.IsLessThan(oversampling.Mean, gan.Mean, result.ToString());
        Assert.IsLessThan(0, gan.AgainstOversampling!.MeanDifference);
        Assert.AreEqual(0, result.RecommendedGanRatio, result.ToString());
        Assert.IsNull(result.RecommendedGan);
        StringAssert.Contains(result.Recommendation, "Recommended GAN ratio: 0 ");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ColumnsTheGanDoesNotGenerateComeFromARealRowOfTheClass()
    {
        var ml = new MLContext(1);
        var rows = Penguin.Read();
        var recorder = new RecordingEstimator(ml, Penguin.Classifier(ml));
        var options = Penguin.QuickOptions(epochs: 0, 1.0);   // features: Island and the numbers; Id is left out

        ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), recorder, options);

        var speciesOf = rows.ToDictionary(p => p.Id, p => p.Species);
        for (var fold = 0; fold < 3; fold++)
        {
            var sets = recorder.TrainingSets.Skip(fold * FitsPerFold).Take(FitsPerFold).ToArray();
            var gan = sets[3].Skip(sets[0].Length).ToArray();
            Assert.IsNotEmpty(gan);
            var training = sets[0].Select(p => p.Id).ToHashSet();
            foreach (var row in gan)
            {
                Assert.IsTrue(training.Contains(row.Id), $"fold {fold}: GAN row's Id '{row.Id}' is not a training row's");
                Assert.AreEqual(row.Species, speciesOf[row.Id], "the Id comes from a row of the GAN row's class");
            }
        }
    }

    [TestMethod]
    public void AnIntegerLabelIsScoredByItsValuesNotItsKeyNumbers()
    {
        var ml = new MLContext(1);
        var random = new Random(2);
        var rows = Enumerable.Range(0, 90).Select(i => new NumberedClass { Class = i % 3, X = 10 * (i % 3) + (float)random.NextDouble(), Y = (float)random.NextDouble() }).ToArray();
        // MapValueToKey keeps an integer label's values as Int32 key values: the prediction must be read through them.
        var classifier = ml.Transforms.Conversion.MapValueToKey("Label", nameof(NumberedClass.Class))
            .Append(ml.Transforms.Concatenate("Features", nameof(NumberedClass.X), nameof(NumberedClass.Y)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }));
        var options = new AugmentationEvaluationOptions
        {
            LabelColumnName = nameof(NumberedClass.Class),
            NumberOfFolds = 3,
            Ratios = new[] { 1.0 },
            Seed = 7,
            GanOptions = new GanTrainer.Options { FeatureColumnNames = new[] { nameof(NumberedClass.X), nameof(NumberedClass.Y) }, Epochs = 0, NumberOfThreads = 1 },
        };

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), classifier, options);

        Assert.IsGreaterThan(0.9, result.RealOnly.Mean, $"classes 10 apart on X are told apart: {result}");
    }

    private sealed class NumberedClass
    {
        public int Class { get; set; }
        public float X { get; set; }
        public float Y { get; set; }
    }

    [TestMethod]
    public void BadOptionsAreRefusedNamingTheOption()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Penguin.Read());
        var classifier = Penguin.Classifier(ml);
        Exception Refused(Action<AugmentationEvaluationOptions> change)
        {
            var options = Penguin.QuickOptions(epochs: 1, 1.0);
            change(options);
            return Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().EvaluateAugmentation(data, classifier, options));
        }
        ArgumentOutOfRangeException OutOfRange(Action<AugmentationEvaluationOptions> change)
        {
            var options = Penguin.QuickOptions(epochs: 1, 1.0);
            change(options);
            return Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.Gan().EvaluateAugmentation(data, classifier, options));
        }

        StringAssert.Contains(Refused(o => o.LabelColumnName = "Kind").Message, "Label column 'Kind' (AugmentationEvaluationOptions.LabelColumnName) is not in the data");
        StringAssert.Contains(OutOfRange(o => o.NumberOfFolds = 1).Message, "NumberOfFolds must be at least 2");
        StringAssert.Contains(OutOfRange(o => o.Ratios = new[] { 0.5, -0.25 }).Message, "Ratios must be in (0, 1]");
        StringAssert.Contains(OutOfRange(o => o.Ratios = new[] { 1.5 }).Message, "Ratios must be in (0, 1]");
        StringAssert.Contains(Refused(o => o.Ratios = Array.Empty<double>()).Message, "Ratios is empty");
        StringAssert.Contains(Refused(o => o.GanOptions.ConditionColumnName = "Island").Message, "must be conditioned on the label 'Species'");
        StringAssert.Contains(Refused(o => { o.Metric = AugmentationMetric.MinorityClassRecall; o.MinorityClass = "Emperor"; }).Message, "'Emperor' is not a class of 'Species'");
        StringAssert.Contains(Refused(o => o.NumberOfFolds = 1000).Message, "the data has 275 rows");
    }

    [TestMethod]
    public void ShareOfRowsMayGoAboveOne()
    {
        var ml = new MLContext(1);
        var options = Penguin.QuickOptions(epochs: 1, 2.0);
        options.Sizing = AugmentationSizing.ShareOfRows;
        options.LabelColumnName = "Kind";
        // Validation passes (2 is a valid share of rows), so the failure is the unknown label, found before any training.
        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), options));
        StringAssert.Contains(error.Message, "'Kind'");
    }

    /// <summary>Some pair of distinct training rows a, b of the row's class and one λ in [0, 1] give every measurement a + λ(b − a); the island is a parent's.</summary>
    private static bool LiesBetweenTwoRowsOfItsClass(Penguin row, Penguin[] training)
    {
        var parents = training.Where(p => p.Species == row.Species).ToArray();
        var x = row.Values();
        foreach (var a in parents)
            foreach (var b in parents)
            {
                if (ReferenceEquals(a, b) || (row.Island != a.Island && row.Island != b.Island)) continue;
                var (va, vb) = (a.Values(), b.Values());
                var widest = Enumerable.Range(0, x.Length).Where(j => !float.IsNaN(va[j]) && !float.IsNaN(vb[j])).OrderByDescending(j => Math.Abs(vb[j] - va[j])).FirstOrDefault(-1);
                var lambda = widest < 0 || vb[widest] == va[widest] ? 0 : (x[widest] - va[widest]) / (double)(vb[widest] - va[widest]);
                if (lambda is < -1e-6 or > 1 + 1e-6) continue;
                var fits = Enumerable.Range(0, x.Length).All(j => float.IsNaN(va[j]) || float.IsNaN(vb[j])
                    ? x[j].Equals(va[j]) || x[j].Equals(vb[j])
                    : Math.Abs(x[j] - (va[j] + lambda * (vb[j] - va[j]))) <= 1e-3 + 1e-5 * Math.Abs(x[j]));
                if (fits) return true;
            }
        return false;
    }
}

using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class ClassWeightsBaselineTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EachRealTrainingRowIsWeightedInverselyToItsClassAndTheWeightsAverageOne()
    {
        var ml = new MLContext(1);
        var rows = Penguin.Read();
        var options = Penguin.QuickOptions(epochs: 0, 1.0);
        var recorders = new List<WeightRecordingEstimator>();
        options.ClassWeightedEstimator = weight =>
        {
            var recorder = new WeightRecordingEstimator(weight, Penguin.Classifier(ml, weight));
            recorders.Add(recorder);
            return recorder;
        };

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(rows), Penguin.Classifier(ml), options);

        var recorder = recorders.Single();
        Assert.AreEqual("ClassWeight", recorder.WeightColumnName, "a name not in the data");
        Assert.HasCount(3, recorder.TrainingSets, "fitted once per fold, on the real rows only");
        for (var fold = 0; fold < 3; fold++)
        {
            var held = result.FoldTestRows[fold].ToHashSet();
            var training = Enumerable.Range(0, rows.Length).Where(r => !held.Contains(r)).Select(r => rows[r]).ToArray();
            var set = recorder.TrainingSets[fold];
            CollectionAssert.AreEqual(training.Select(p => p.Id).ToArray(), set.Select(s => s.Id).ToArray(), "the fold's real training rows, nothing added");
            Assert.AreEqual(1.0, set.Average(s => (double)s.Weight), 1e-5, "weights average 1");
            foreach (var group in set.GroupBy(s => s.Species))
            {
                var expected = training.Length / (3.0 * group.Count());
                foreach (var (_, _, weight) in group) Assert.AreEqual(expected, weight, 1e-5, $"fold {fold}, {group.Key}: rows ÷ (classes × rows of the class)");
            }
            Assert.IsGreaterThan(1.3, set.First(s => s.Species == "Chinstrap").Weight, "the rarest class weighs most");
        }

        var weights = result.ClassWeights;
        Assert.IsNotNull(weights);
        Assert.AreEqual(AugmentationMethod.ClassWeights, result.Methods[1].Method, "second, after real only");
        Assert.IsNotNull(weights.AgainstRealOnly);
        Assert.IsNull(weights.AgainstOversampling);
        foreach (var added in result.Methods.Skip(2))
        {
            Assert.IsNotNull(added.AgainstClassWeights, added.Name);
            Assert.AreEqual(added.Mean - weights.Mean, added.AgainstClassWeights.MeanDifference, 1e-9, added.Name);
        }
        var table = result.ToString();
        StringAssert.Contains(table, "vs class weights (p)");
        StringAssert.Contains(table, "class weights");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ClassWeightsRaiseTheRecallOfARareClassThatTheUnweightedModelIgnores()
    {
        var ml = new MLContext(1);
        var options = new AugmentationEvaluationOptions
        {
            LabelColumnName = nameof(Point.Kind),
            Ratios = new[] { 1.0 },
            Metric = AugmentationMetric.MinorityClassRecall,
            Seed = 3,
            GanOptions = new GanTrainer.Options { Epochs = 0, NumberOfThreads = 1 },
            ClassWeightedEstimator = weight => Point.Classifier(ml, weight),
        };

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Point.Imbalanced()), Point.Classifier(ml, null), options);

        Assert.AreEqual("rare", result.MinorityClass);
        Assert.IsLessThan(0.2, result.RealOnly.Mean, result.ToString());
        Assert.IsGreaterThan(0.6, result.ClassWeights!.Mean, result.ToString());
        Assert.IsGreaterThan(0.4, result.ClassWeights.AgainstRealOnly!.MeanDifference);
    }

    [TestMethod]
    public void WithoutAClassWeightedEstimatorTheBaselineIsLeftOut()
    {
        var ml = new MLContext(1);
        var options = new AugmentationEvaluationOptions
        {
            LabelColumnName = nameof(Point.Kind),
            NumberOfFolds = 2,
            Ratios = new[] { 1.0 },
            Seed = 3,
            GanOptions = new GanTrainer.Options { Epochs = 0, NumberOfThreads = 1 },
        };

        var result = ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Point.Imbalanced()), Point.Classifier(ml, null), options);

        Assert.IsNull(result.ClassWeights);
        Assert.IsFalse(result.Methods.Any(m => m.Method == AugmentationMethod.ClassWeights));
        Assert.IsTrue(result.Methods.All(m => m.AgainstClassWeights is null));
        Assert.DoesNotContain("class weights", result.ToString());
    }

    [TestMethod]
    public void AFactoryThatReturnsNoEstimatorIsRefusedNamingTheOption()
    {
        var ml = new MLContext(1);
        var options = Penguin.QuickOptions(epochs: 0, 1.0);
        options.ClassWeightedEstimator = _ => null!;

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().EvaluateAugmentation(ml.Data.LoadFromEnumerable(Penguin.Read()), Penguin.Classifier(ml), options));

        StringAssert.Contains(error.Message, "AugmentationEvaluationOptions.ClassWeightedEstimator returned null");
    }

    /// <summary>Keeps (Id, species, weight) of every training set it is fitted on, then fits the weighted classifier.</summary>
    private sealed class WeightRecordingEstimator : IEstimator<ITransformer>
    {
        private readonly IEstimator<ITransformer> _inner;

        public WeightRecordingEstimator(string weightColumnName, IEstimator<ITransformer> inner)
        {
            WeightColumnName = weightColumnName;
            _inner = inner;
        }

        public string WeightColumnName { get; }

        public List<(string Id, string Species, float Weight)[]> TrainingSets { get; } = new();

        public ITransformer Fit(IDataView input)
        {
            var ids = input.GetColumn<string>(nameof(Penguin.Id)).ToArray();
            var species = input.GetColumn<string>(nameof(Penguin.Species)).ToArray();
            var weights = input.GetColumn<float>(WeightColumnName).ToArray();
            TrainingSets.Add(ids.Select((id, i) => (id, species[i], weights[i])).ToArray());
            return _inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);
    }

    /// <summary>One measurement, 190 "common" rows around 0 and 10 "rare" ones around 1.5: a linear model unweighted predicts "common" everywhere.</summary>
    private sealed class Point
    {
        public float X { get; set; }
        public string Kind { get; set; } = "";

        public static Point[] Imbalanced()
        {
            var random = new Random(5);
            double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Enumerable.Range(0, 200).Select(i => i % 20 == 0
                ? new Point { X = (float)(1.5 + 0.7 * Gaussian()), Kind = "rare" }
                : new Point { X = (float)(0.7 * Gaussian()), Kind = "common" }).ToArray();
        }

        public static IEstimator<ITransformer> Classifier(MLContext ml, string? weight) =>
            ml.Transforms.Conversion.MapValueToKey("Label", nameof(Kind))
                .Append(ml.Transforms.Concatenate("Features", nameof(X)))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { ExampleWeightColumnName = weight, NumberOfThreads = 1 }));
    }
}

// Proves that GanEstimators and Microsoft.ML.TorchSharp restore, build and run in one app:
// both load the same TorchSharp, and a text classifier estimator is built beside a trained GAN.
using GanEstimators;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.TorchSharp;

var ml = new MLContext(seed: 1);
var random = new Random(1);
var points = Enumerable.Range(0, 500).Select(_ => new Point { X = (float)random.NextDouble(), Y = (float)(2 * random.NextDouble()) });
var data = ml.Data.LoadFromEnumerable(points);
var sampler = ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "Y" } }).Fit(data);
var xs = sampler.Sample(1000, seed: 1).GetColumn<float>("X").ToArray();
Console.WriteLine($"GAN trained: {sampler.History.Epochs.Count} epochs, synthetic mean X {xs.Average():F3} (real ≈ 0.5)");

// Microsoft.ML.TorchSharp's estimators (their Fit downloads pretrained weights, which this check does not do).
var textClassifier = ml.MulticlassClassification.Trainers.TextClassification(labelColumnName: "Label", sentence1ColumnName: "Text");
Console.WriteLine($"Microsoft.ML.TorchSharp estimator: {textClassifier.GetType().FullName}");
Console.WriteLine($"TorchSharp loaded once: {typeof(TorchSharp.torch).Assembly.GetName().Version}");

internal sealed class Point
{
    public float X { get; set; }
    public float Y { get; set; }
}

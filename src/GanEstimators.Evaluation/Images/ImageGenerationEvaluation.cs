using Microsoft.ML;

namespace GanEstimators.Evaluation.Images;

/// <summary>Computes <see cref="ImageGenerationMetrics"/> from generated images (given, or made by a sampler) and real ones.</summary>
internal static class ImageGenerationEvaluation
{
    private const string GeneratedRole = "generated images";

    public static ImageGenerationMetrics Run(DomainImageClassifier classifier, IDataView generated, IDataView realTest, ImageGenerationEvaluationOptions options)
    {
        Check(classifier, realTest, options);
        ArgumentNullException.ThrowIfNull(generated);
        return Judge(classifier, classifier.Read(generated, options.FeatureColumnName, options.LabelColumnName, GeneratedRole, nameof(generated)), realTest, options);
    }

    public static ImageGenerationMetrics Run(DomainImageClassifier classifier, GanSampler sampler, IDataView realTest, ImageGenerationEvaluationOptions options)
    {
        Check(classifier, realTest, options);
        ArgumentNullException.ThrowIfNull(sampler);
        if (sampler.ConditionColumnName is null)
            throw new ArgumentException("The sampler is unconditional; conditional accuracy needs a GAN that generates images of a requested class.", nameof(sampler));
        if (sampler.FeatureColumnNames.Count != 1)
            throw new ArgumentException(
                $"The sampler generates {sampler.FeatureColumnNames.Count} feature columns ({string.Join(", ", sampler.FeatureColumnNames.Select(n => $"'{n}'"))}); an image GAN has one image column.",
                nameof(sampler));
        if (options.GeneratedCount < 2)
            throw new ArgumentOutOfRangeException(nameof(options.GeneratedCount), options.GeneratedCount, "GeneratedCount must be at least 2 (a covariance needs two images).");
        var classes = sampler.ConditionClasses;
        var unknown = classes.FirstOrDefault(c => !classifier.ClassNames.Contains(c));
        if (unknown is not null)
            throw new ArgumentException(
                $"The sampler generates class '{unknown}', which the classifier does not know; its classes are {string.Join(", ", classifier.ClassNames.Select(c => $"'{c}'"))}.",
                nameof(sampler));

        var parts = new List<ImageRows>();
        for (var k = 0; k < classes.Count; k++)
        {
            var count = options.GeneratedCount / classes.Count + (k < options.GeneratedCount % classes.Count ? 1 : 0);
            if (count == 0) continue;
            var images = classifier.Read(sampler.Sample(count, classes[k], options.Seed + k), sampler.FeatureColumnNames[0], null, GeneratedRole, nameof(sampler));
            parts.Add(images with { Labels = Enumerable.Repeat<string?>(classes[k], count).ToArray() });
        }
        return Judge(classifier, ImageRows.Concatenate(parts), realTest, options);
    }

    private static void Check(DomainImageClassifier classifier, IDataView realTest, ImageGenerationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(realTest);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.FeatureColumnName)) throw new ArgumentException("FeatureColumnName must name the image column.", nameof(options));
        if (string.IsNullOrEmpty(options.LabelColumnName)) throw new ArgumentException("LabelColumnName must name the class column.", nameof(options));
    }

    private static ImageGenerationMetrics Judge(DomainImageClassifier classifier, ImageRows generated, IDataView realTest, ImageGenerationEvaluationOptions options)
    {
        var requested = generated.Labels!;
        var missing = Array.FindIndex(requested, string.IsNullOrEmpty);
        if (missing >= 0)
            throw new ArgumentException($"Label column '{options.LabelColumnName}' of the generated images has a missing value (first in row {missing}); each generated image needs the class it was asked for.", "generated");
        if (generated.Count < 2) throw new ArgumentException("The generated images have one row; the Fréchet distance needs at least two.", "generated");
        var (predicted, generatedFeatures) = classifier.Run(generated, features: true);
        var byClass = requested.Select((label, i) => (label!, Correct: classifier.ClassNames[predicted[i]] == label))
            .GroupBy(p => p.Item1)
            .OrderBy(g => IndexOf(classifier, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Count(p => p.Correct) / g.Count());
        var accuracy = (double)predicted.Where((c, i) => classifier.ClassNames[c] == requested[i]).Count() / generated.Count;

        var hasLabels = realTest.Schema.GetColumnOrNull(options.LabelColumnName) is not null;
        var real = classifier.Read(realTest, options.FeatureColumnName, hasLabels ? options.LabelColumnName : null, "real test images", nameof(realTest));
        var (realPredicted, realFeatures) = classifier.Run(real, features: true);
        double? realAccuracy = hasLabels ? classifier.ShareCorrect(realPredicted, real.Labels!, options.LabelColumnName, nameof(realTest)) : null;
        var distance = FrechetDistance.Compute(generatedFeatures!, realFeatures!);

        double? floor = null;
        int? trainingCount = null;
        if (options.RealTrainingData is { } training)
        {
            var trainingRows = classifier.Read(training, options.FeatureColumnName, null, "real training images", nameof(options.RealTrainingData));
            floor = FrechetDistance.Compute(classifier.Run(trainingRows, features: true).Features!, realFeatures!);
            trainingCount = trainingRows.Count;
        }
        return new ImageGenerationMetrics(accuracy, byClass, distance, floor, realAccuracy, generated.Count, real.Count, trainingCount);
    }

    private static int IndexOf(DomainImageClassifier classifier, string className)
    {
        for (var i = 0; i < classifier.ClassNames.Count; i++)
            if (classifier.ClassNames[i] == className) return i;
        return int.MaxValue;
    }
}

using GanEstimators.Samples;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GanEstimators.Evaluation.Images;

namespace FashionGan;

/// <summary>metrics.txt and metrics.json: the run's settings, then the classifier's judgement of the generated images.</summary>
internal sealed record MetricsReport(string Run, string RealTestSet, string FloorSets, double TrainingSeconds, ImageGenerationMetrics Metrics)
{
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(Run);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Trained in {TrainingSeconds:F0} s."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Conditional accuracy: {Metrics.ConditionalAccuracy:P1} of {Metrics.GeneratedCount:N0} generated images are classified as the class they were generated for " +
            $"(the classifier's accuracy on the {Metrics.RealTestCount:N0} real test images: {Metrics.RealTestAccuracy:P1})"));
        foreach (var (label, accuracy) in Metrics.ConditionalAccuracyByClass)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label} {ClassName(label),-12} {accuracy,7:P1}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{ImageGenerationMetrics.DistanceDescription}: {Metrics.DomainFrechetDistance:F3}, {Metrics.GeneratedCount:N0} generated vs {RealTestSet}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"  floor (real vs real, same classifier): {Metrics.DomainFrechetFloor:F3}, {FloorSets}"));
        text.AppendLine("  Values are comparable only with each other for the same classifier file and set sizes, not with published FID figures.");
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        run = Run,
        trainingSeconds = Math.Round(TrainingSeconds, 1),
        conditionalAccuracy = Metrics.ConditionalAccuracy,
        conditionalAccuracyByClass = Metrics.ConditionalAccuracyByClass.ToDictionary(p => $"{p.Key} {ClassName(p.Key)}", p => p.Value),
        classifierAccuracyOnRealTest = Metrics.RealTestAccuracy,
        domainFrechetDistance = new
        {
            description = ImageGenerationMetrics.DistanceDescription,
            generatedVsRealTest = Metrics.DomainFrechetDistance,
            generatedCount = Metrics.GeneratedCount,
            realTestSet = RealTestSet,
            floorRealTrainingVsRealTest = Metrics.DomainFrechetFloor,
            floorSets = FloorSets,
        },
    }, new JsonSerializerOptions { WriteIndented = true });

    private static string ClassName(string label) =>
        int.TryParse(label, CultureInfo.InvariantCulture, out var k) && k >= 0 && k < FashionFiles.ClassNames.Length ? FashionFiles.ClassNames[k] : "";
}

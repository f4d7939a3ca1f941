namespace AugmentationBenchmark;

/// <summary>Per-class F1 from the confusion counts (0 when a class is never predicted or never right), and their mean.</summary>
public sealed record MacroF1(double Value, IReadOnlyDictionary<string, double> PerClass)
{
    public static MacroF1 Compute(IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IReadOnlyList<string> classes)
    {
        var perClass = classes.ToDictionary(c => c, c =>
        {
            var truePositives = actual.Where((a, i) => a == c && predicted[i] == c).Count();
            var predictedPositives = predicted.Count(p => p == c);
            var actualPositives = actual.Count(a => a == c);
            return truePositives == 0 ? 0.0 : 2.0 * truePositives / (predictedPositives + actualPositives);
        });
        return new MacroF1(perClass.Values.Average(), perClass);
    }
}

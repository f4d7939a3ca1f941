using GanEstimators;
using GanEstimators.Evaluation.Images;
using Microsoft.ML;

namespace FashionGan;

/// <summary>
/// <c>--select-best</c>: after every chunk of epochs, scores the sampler by the domain Fréchet distance between its
/// images and a slice of the real <em>training</em> images (never the test images the reported metrics use), and keeps
/// the best one. GAN quality swings from epoch to epoch, so the last epoch is not always the best.
/// </summary>
internal sealed class CheckpointSelection(DomainImageClassifier classifier, IDataView trainingSlice, int sliceCount, int generatedCount, int seed)
{
    private readonly List<(int Epoch, double Distance)> _scores = new();

    public GanSampler? Best { get; private set; }

    public int BestEpoch { get; private set; }

    public double BestDistance { get; private set; } = double.PositiveInfinity;

    public IReadOnlyList<(int Epoch, double Distance)> Scores => _scores;

    public int SliceCount => sliceCount;

    /// <summary>
    /// Scores the newest <paramref name="sampler"/>; when it is the best so far, keeps it (the caller must then not
    /// dispose it) and disposes the previous best, which the caller no longer uses.
    /// </summary>
    public void Offer(GanSampler sampler, int epoch)
    {
        var distance = ImageGenerationMetrics.Evaluate(classifier, sampler, trainingSlice,
            new ImageGenerationEvaluationOptions { GeneratedCount = generatedCount, Seed = seed }).DomainFrechetDistance;
        _scores.Add((epoch, distance));
        if (distance >= BestDistance) return;
        Best?.Dispose();
        Best = sampler;
        BestEpoch = epoch;
        BestDistance = distance;
    }
}

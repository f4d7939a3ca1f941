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

    public IReadOnlyList<(int Epoch, double Distance)> Scores => _scores;

    public int SliceCount => sliceCount;

    /// <summary>Scores <paramref name="sampler"/>; keeps it (the caller must then not dispose it) when it is the best so far, disposing the previous best unless it is <paramref name="latest"/>.</summary>
    public void Offer(GanSampler sampler, int epoch, GanSampler? latest)
    {
        var distance = ImageGenerationMetrics.Evaluate(classifier, sampler, trainingSlice,
            new ImageGenerationEvaluationOptions { GeneratedCount = generatedCount, Seed = seed }).DomainFrechetDistance;
        _scores.Add((epoch, distance));
        if (Best is not null && distance >= _scores.Where(s => s.Epoch == BestEpoch).Single().Distance) return;
        if (Best is not null && !ReferenceEquals(Best, latest)) Best.Dispose();
        Best = sampler;
        BestEpoch = epoch;
    }
}

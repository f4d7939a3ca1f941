namespace GanEstimators.Evaluation.Images;

/// <summary>How <see cref="DomainImageClassifier.Train"/> builds and trains the classifier.</summary>
public sealed class ImageClassifierTrainingOptions
{
    /// <summary>Passes over the training images. Default 8 (about 91 % test accuracy on Fashion-MNIST).</summary>
    public int Epochs { get; set; } = 8;

    /// <summary>Images per optimiser step. Default 128.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Adam's learning rate. Default 0.001.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Channels of the first convolution; the second has twice as many. Default 16.</summary>
    public int BaseChannels { get; set; } = 16;

    /// <summary>Width of the penultimate layer, whose activations are the features of the Fréchet distance. Default 128.</summary>
    public int FeatureWidth { get; set; } = 128;

    /// <summary>Share of activations dropped before the penultimate and the output layer while training. Default 0.25.</summary>
    public double DropoutRate { get; set; } = 0.25;

    /// <summary>Seed of the initial weights, the batch order and dropout: the same seed gives the same classifier on the CPU.</summary>
    public int Seed { get; set; }

    /// <summary>Called after every epoch.</summary>
    public Action<ImageClassifierEpoch>? Progress { get; set; }

    internal void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive finite number.");
        if (BaseChannels < 1) throw new ArgumentOutOfRangeException(nameof(BaseChannels), BaseChannels, "BaseChannels must be at least 1.");
        if (FeatureWidth < 1) throw new ArgumentOutOfRangeException(nameof(FeatureWidth), FeatureWidth, "FeatureWidth must be at least 1.");
        if (!(DropoutRate >= 0 && DropoutRate < 1))
            throw new ArgumentOutOfRangeException(nameof(DropoutRate), DropoutRate, "DropoutRate must be at least 0 and below 1.");
    }
}

/// <summary>One finished training epoch of a <see cref="DomainImageClassifier"/>.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">The epochs asked for.</param>
/// <param name="MeanLoss">Mean cross-entropy over the epoch's batches (with dropout active).</param>
/// <param name="TrainingAccuracy">Share of the epoch's training images classified correctly while training.</param>
/// <param name="Elapsed">Time since training began.</param>
public sealed record ImageClassifierEpoch(int Epoch, int Epochs, double MeanLoss, double TrainingAccuracy, TimeSpan Elapsed);

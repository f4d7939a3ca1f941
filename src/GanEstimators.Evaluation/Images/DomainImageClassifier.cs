using TorchSharp;
using GanEstimators.Loading;
using Microsoft.ML;
using static TorchSharp.torch;

namespace GanEstimators.Evaluation.Images;

/// <summary>
/// A small CNN trained on real images of one domain (e.g. Fashion-MNIST), used to judge generated images: which class
/// they look like (<see cref="Predict"/>) and where they lie in its penultimate feature space (<see cref="Features"/>),
/// the space of <see cref="FrechetDistance"/> when Inception is not available.
/// </summary>
/// <remarks>
/// Pixels are rescaled with the training images' minimum and maximum, so the classifier works on data in the range it
/// was trained on (0..255 or 0..1 alike); images to judge must use that same range. Not safe for concurrent calls.
/// </remarks>
public sealed class DomainImageClassifier : IDisposable
{
    private const int InferenceChunk = 1000;
    private readonly ImageClassifierNetwork _network;
    private readonly object _inference = new();
    private bool _disposed;

    internal DomainImageClassifier(ImageClassifierNetwork network, IReadOnlyList<string> classNames, float pixelMinimum, float pixelMaximum)
    {
        _network = network;
        ClassNames = classNames;
        PixelMinimum = pixelMinimum;
        PixelMaximum = pixelMaximum;
        _network.eval();
    }

    /// <summary>The classes, in the order of the network's outputs (ordinal order of the training labels).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The image shape the classifier takes: channels, height, width.</summary>
    public (int Channels, int Height, int Width) ImageShape => (_network.Spec.Channels, _network.Spec.Height, _network.Spec.Width);

    /// <summary>The number of penultimate features per image.</summary>
    public int FeatureWidth => _network.Spec.FeatureWidth;

    /// <summary>The smallest pixel value of the training images; it maps to 0 before the network.</summary>
    public float PixelMinimum { get; }

    /// <summary>The largest pixel value of the training images; it maps to 1 before the network.</summary>
    public float PixelMaximum { get; }

    internal ImageClassifierSpec Spec => _network.Spec;

    /// <summary>Writes the network's weights; waits for an inference on another thread, as <see cref="Dispose"/> does.</summary>
    internal void SaveWeights(BinaryWriter writer)
    {
        lock (_inference)
        {
            ThrowIfDisposed();
            _network.save(writer);
        }
    }

    /// <summary>
    /// Trains a classifier on the images of <paramref name="featureColumnName"/> (a known-size Single vector, channel-first,
    /// with dimensions (C, H, W), (H, W) or a square count) labelled by <paramref name="labelColumnName"/> (text, key,
    /// Boolean or integer classes; at least two).
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, a label is missing, there is only one class, or every pixel has the same value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named by the exception).</exception>
    public static DomainImageClassifier Train(
        IDataView images,
        string featureColumnName = IdxImages.FeaturesColumnName,
        string labelColumnName = IdxImages.LabelColumnName,
        ImageClassifierTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labelColumnName);
        options ??= new ImageClassifierTrainingOptions();
        options.Validate();
        const string role = "training images";
        var (channels, height, width) = ImageRows.Shape(images, featureColumnName, role, nameof(images));
        if (height < ImageClassifierSpec.MinimumSide || width < ImageClassifierSpec.MinimumSide)
            throw new ArgumentException(
                $"Image column '{featureColumnName}' holds {height}×{width} images; the classifier pools twice by 2 and needs at least {ImageClassifierSpec.MinimumSide}×{ImageClassifierSpec.MinimumSide}.",
                nameof(images));
        var rows = ImageRows.Read(images, featureColumnName, labelColumnName, role, nameof(images));
        var labels = rows.Labels!;
        var missing = Array.FindIndex(labels, l => string.IsNullOrEmpty(l));
        if (missing >= 0)
            throw new ArgumentException($"Label column '{labelColumnName}' of the training images has a missing value (first in row {missing}); every training image needs a class.", nameof(images));
        var classNames = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classNames.Length < 2)
            throw new ArgumentException($"Label column '{labelColumnName}' of the training images holds only the class '{classNames[0]}'; a classifier needs at least two.", nameof(images));
        var (minimum, maximum) = (rows.Pixels.Min(), rows.Pixels.Max());
        if (!(maximum > minimum))
            throw new ArgumentException($"Every pixel of image column '{featureColumnName}' is {minimum}; there is nothing to learn from.", nameof(images));

        var index = classNames.Select((name, i) => (name, i)).ToDictionary(p => p.name!, p => (long)p.i);
        var spec = new ImageClassifierSpec(channels, height, width, options.BaseChannels, options.FeatureWidth, options.DropoutRate, classNames.Length);
        using var scaled = tensor(rows.Pixels, new long[] { rows.Count, rows.ImageSize });
        Scale(scaled, minimum, maximum);
        var network = ImageClassifierTraining.Fit(spec, scaled, labels.Select(l => index[l!]).ToArray(), options);
        return new DomainImageClassifier(network, classNames!, minimum, maximum);
    }

    /// <summary>Writes the classifier (shape, classes, pixel range and weights) to <paramref name="path"/>, replacing it whole or not at all.</summary>
    public void Save(string path) => DomainImageClassifierFile.Save(this, path);

    /// <summary>Reads a classifier written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved classifier, is of a newer format, or is truncated.</exception>
    public static DomainImageClassifier Load(string path) => DomainImageClassifierFile.Load(path);

    /// <summary>The class each image of <paramref name="featureColumnName"/> is taken for.</summary>
    public IReadOnlyList<string> Predict(IDataView images, string featureColumnName = IdxImages.FeaturesColumnName) =>
        Run(Read(images, featureColumnName, null), features: false).Predicted.Select(c => ClassNames[c]).ToArray();

    /// <summary>The share of images whose predicted class equals their label (labels the classifier does not know count as wrong).</summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or a label is missing.</exception>
    public double Accuracy(IDataView images, string featureColumnName = IdxImages.FeaturesColumnName, string labelColumnName = IdxImages.LabelColumnName)
    {
        ArgumentNullException.ThrowIfNull(labelColumnName);
        var rows = Read(images, featureColumnName, labelColumnName);
        return ShareCorrect(Run(rows, features: false).Predicted, rows.Labels!, labelColumnName, nameof(images));
    }

    /// <summary>The penultimate layer's activations: one row of <see cref="FeatureWidth"/> values per image.</summary>
    public float[,] Features(IDataView images, string featureColumnName = IdxImages.FeaturesColumnName) =>
        Run(Read(images, featureColumnName, null), features: true).Features!;

    /// <summary>Releases the network's native memory, once an inference running on another thread has ended.</summary>
    public void Dispose()
    {
        lock (_inference)
        {
            if (_disposed) return;
            _disposed = true;
            _network.Dispose();
        }
    }

    private void ThrowIfDisposed() =>
        ObjectDisposedException.ThrowIf(_disposed, this);

    internal ImageRows Read(IDataView images, string featureColumnName, string? labelColumnName, string role = "images", string parameterName = "images") =>
        ImageRows.Read(images, featureColumnName, labelColumnName, role, parameterName, Spec.ImageSize);

    /// <summary>Share of <paramref name="predicted"/> class indices that name <paramref name="labels"/>.</summary>
    internal double ShareCorrect(int[] predicted, string?[] labels, string labelColumnName, string parameterName)
    {
        var missing = Array.FindIndex(labels, l => string.IsNullOrEmpty(l));
        if (missing >= 0)
            throw new ArgumentException($"Label column '{labelColumnName}' has a missing value (first in row {missing}).", parameterName);
        return (double)predicted.Where((c, i) => ClassNames[c] == labels[i]).Count() / predicted.Length;
    }

    /// <summary>Predicted class indices and, when asked for, penultimate features of every row, a chunk at a time.</summary>
    internal (int[] Predicted, float[,]? Features) Run(ImageRows rows, bool features)
    {
        var predicted = new int[rows.Count];
        var activations = features ? new float[rows.Count, FeatureWidth] : null;
        lock (_inference)
        {
            ThrowIfDisposed();
            using var _ = no_grad();
            for (var start = 0; start < rows.Count; start += InferenceChunk)
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(InferenceChunk, rows.Count - start);
                var pixels = rows.Pixels.AsSpan(start * rows.ImageSize, count * rows.ImageSize).ToArray();
                var batchFeatures = _network.Features(Scale(tensor(pixels, new long[] { count, rows.ImageSize }), PixelMinimum, PixelMaximum));
                _network.Logits(batchFeatures).argmax(1).to_type(ScalarType.Int32).data<int>().CopyTo(predicted, start);
                if (activations is not null)
                    Buffer.BlockCopy(batchFeatures.data<float>().ToArray(), 0, activations, start * FeatureWidth * sizeof(float), count * FeatureWidth * sizeof(float));
            }
        }
        return (predicted, activations);
    }

    /// <summary>Maps the training pixel range onto 0..1, in place.</summary>
    private static Tensor Scale(Tensor pixels, float minimum, float maximum)
    {
        // Scalars held through the calls (see TorchScalars).
        using var low = minimum.ToScalar();
        using var range = (maximum - minimum).ToScalar();
        return pixels.sub_(low).div_(range);
    }
}

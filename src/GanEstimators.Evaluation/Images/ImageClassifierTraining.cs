using System.Diagnostics;
using static TorchSharp.torch;

namespace GanEstimators.Evaluation.Images;

/// <summary>Fits an <see cref="ImageClassifierNetwork"/> with Adam and cross-entropy, shuffling the images every epoch.</summary>
internal static class ImageClassifierTraining
{
    /// <param name="spec">The network to build.</param>
    /// <param name="images">Scaled pixels, one image per row.</param>
    /// <param name="classes">The class index of each image.</param>
    /// <param name="options">Epochs, batch size, learning rate, seed and progress callback.</param>
    public static ImageClassifierNetwork Fit(ImageClassifierSpec spec, Tensor images, long[] classes, ImageClassifierTrainingOptions options)
    {
        Native.ConvolutionGradientCheck.EnsureCorrect(images.device);
        var network = GlobalTorchRandom.Seeded(options.Seed, () => new ImageClassifierNetwork(spec));
        try
        {
            Train(network, images, classes, options);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static void Train(ImageClassifierNetwork network, Tensor images, long[] classes, ImageClassifierTrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var rows = classes.Length;
        var order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        var shuffle = new Random(options.Seed);
        using var targets = tensor(classes);
        using var dropout = new Generator((ulong)options.Seed);
        // β2 0.99 is what TorchSharp's optim.Adam factory, used here before, defaults to (its Adam class: 0.999).
        using var optimizer = new Training.RootedOptimizers.Adam(network.parameters().ToArray(), options.LearningRate, beta1: 0.9, beta2: 0.99);
        network.DropoutRandom = dropout;
        network.train();
        try
        {
            for (var epoch = 1; epoch <= options.Epochs; epoch++)
            {
                shuffle.Shuffle(order);
                double lossSum = 0;
                long correct = 0;
                var batches = 0;
                for (var start = 0; start < rows; start += options.BatchSize)
                {
                    using var scope = NewDisposeScope();
                    var batch = tensor(order.AsSpan(start, Math.Min(options.BatchSize, rows - start)).ToArray());
                    var expected = targets.index_select(0, batch);
                    var logits = network.forward(images.index_select(0, batch));
                    var loss = nn.functional.cross_entropy(logits, expected);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>();
                    correct += logits.argmax(1).eq(expected).sum().item<long>();
                    batches++;
                }
                options.Progress?.Invoke(new ImageClassifierEpoch(epoch, options.Epochs, lossSum / batches, (double)correct / rows, clock.Elapsed));
            }
        }
        finally
        {
            network.DropoutRandom = null;
            network.eval();
        }
    }
}

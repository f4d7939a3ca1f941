using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Benchmarks;

/// <summary>Per-step bookkeeping the trainer does on top of the bare GAN update; the hand loop can add each piece to price it.</summary>
[Flags]
public enum Bookkeeping
{
    None = 0,
    /// <summary>‖∇G‖: stack(p.grad.pow(2).sum() for every G parameter).sum().sqrt() after the generator's backward.</summary>
    GradientNorm = 1,
    /// <summary>EpochMeter: detached losses, mean interpreted scores, Wasserstein estimate stacked to float64 and summed on the device; read once per epoch.</summary>
    Metrics = 2,
    /// <summary>Discriminator accuracy ((real &gt; t).mean + (fake &lt;= t).mean) / 2, into the same stack.</summary>
    Accuracy = 4,
    All = GradientNorm | Metrics | Accuracy,
}

/// <summary>
/// The minimal GAN loop a competent TorchSharp user would write for the same networks, loss, optimiser, batch size
/// and steps per epoch as GanTrainer: random batches with replacement, every step in its own dispose scope, nothing
/// measured unless <see cref="Bookkeeping"/> asks for it.
/// </summary>
public static class HandLoop
{
    public static RunResult Train(Config config, Dataset data, int epochs, Bookkeeping bookkeeping)
    {
        var total = Stopwatch.StartNew();
        var wgan = config.Loss == GanLoss.WassersteinGradientPenalty;
        var conditionWidth = data.ClassIndices is null ? 0 : data.Classes;
        using var rows = tensor(data.Encoded, new long[] { data.Rows, data.Width });
        using var conditions = data.ClassIndices is null ? null
            : F.one_hot(tensor(data.ClassIndices.Select(i => (long)i).ToArray()), data.Classes).to(float32);

        random.manual_seed(config.Seed);
        using var generator = Mlp(config.NoiseDimension + conditionWidth, config.HiddenSizes, data.Width, leaky: false);
        using var discriminator = Mlp(data.Width + conditionWidth, config.HiddenSizes, 1, leaky: true);
        using var generatorOptimizer = optim.Adam(generator.parameters(), config.LearningRate, config.Beta1, config.Beta2);
        using var discriminatorOptimizer = optim.Adam(discriminator.parameters(), config.LearningRate, config.Beta1, config.Beta2);
        using var rng = new Generator((ulong)config.Seed);
        var metricCount = 5 + (bookkeeping.HasFlag(Bookkeeping.GradientNorm) ? 1 : 0) + (bookkeeping.HasFlag(Bookkeeping.Accuracy) ? 1 : 0);
        using var sums = zeros(metricCount, dtype: float64);
        var batch = config.BatchSize;
        var stepsPerEpoch = Math.Max(1, data.Rows / batch);
        var seconds = new double[epochs];

        Tensor WithCondition(Tensor x, Tensor? c) => c is null ? x : cat(new[] { x, c }, 1);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            sums.zero_();
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                using var scope = NewDisposeScope();
                Tensor dLoss = null!, realScores = null!, fakeScores = null!;
                for (var k = 0; k < config.CriticSteps; k++)
                {
                    var index = randint(data.Rows, new long[] { batch }, generator: rng);
                    var real = rows.index_select(0, index);
                    var c = conditions?.index_select(0, index);
                    Tensor fake;
                    using (no_grad()) fake = generator.forward(WithCondition(randn(batch, config.NoiseDimension, generator: rng), c));
                    realScores = discriminator.forward(WithCondition(real, c));
                    fakeScores = discriminator.forward(WithCondition(fake, c));
                    if (wgan)
                    {
                        dLoss = fakeScores.mean() - realScores.mean();
                        var alpha = rand(new long[] { batch, 1 }, generator: rng);
                        var mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(true);
                        var mixedScores = discriminator.forward(WithCondition(mixed, c));
                        var gradient = autograd.grad(new[] { mixedScores }, new[] { mixed }, new[] { ones_like(mixedScores) }, retain_graph: true, create_graph: true)[0];
                        dLoss = dLoss + config.PenaltyWeight * (gradient.norm(1) - 1).pow(2).mean();
                    }
                    else
                    {
                        dLoss = F.softplus(-realScores).mean() + F.softplus(fakeScores).mean();
                    }
                    discriminatorOptimizer.zero_grad();
                    dLoss.backward();
                    discriminatorOptimizer.step();
                }

                var gc = conditions?.index_select(0, randint(data.Rows, new long[] { batch }, generator: rng));
                var scores = discriminator.forward(WithCondition(generator.forward(WithCondition(randn(batch, config.NoiseDimension, generator: rng), gc)), gc));
                var gLoss = wgan ? -scores.mean() : F.softplus(-scores).mean();
                generatorOptimizer.zero_grad();
                gLoss.backward();
                var gradientNorm = bookkeeping.HasFlag(Bookkeeping.GradientNorm)
                    ? stack(generator.parameters().Select(p => p.grad!.pow(2).sum()).ToArray()).sum().sqrt()
                    : null;
                generatorOptimizer.step();

                if (bookkeeping.HasFlag(Bookkeeping.Metrics))
                {
                    using var _ = no_grad();
                    Tensor Interpret(Tensor s) => wgan ? s : s.sigmoid();
                    var values = new List<Tensor>
                    {
                        dLoss.detach(), gLoss.detach(), Interpret(realScores).mean(), Interpret(fakeScores).mean(),
                        realScores.mean() - fakeScores.mean(),
                    };
                    if (gradientNorm is not null) values.Add(gradientNorm);
                    if (bookkeeping.HasFlag(Bookkeeping.Accuracy))
                        values.Add(((realScores > 0.0).to(float32).mean() + (fakeScores <= 0.0).to(float32).mean()) / 2);
                    using var stepSums = stack(values.ToArray()).to(float64);
                    sums.add_(stepSums);
                }
            }
            if (bookkeeping.HasFlag(Bookkeeping.Metrics))
            {
                using var cpu = sums.cpu();
                _ = cpu.data<double>().ToArray();
            }
            seconds[epoch] = clock.Elapsed.TotalSeconds;
        }
        return new RunResult(seconds, total.Elapsed.TotalSeconds);
    }

    private static Sequential Mlp(int input, int[] hidden, int output, bool leaky)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (var width in hidden)
        {
            layers.Add(nn.Linear(input, width));
            layers.Add(leaky ? nn.LeakyReLU(0.2) : nn.ReLU());
            input = width;
        }
        layers.Add(nn.Linear(input, output));
        return nn.Sequential(layers.ToArray());
    }
}

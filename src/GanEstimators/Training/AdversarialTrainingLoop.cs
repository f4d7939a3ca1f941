using System.Diagnostics;
using GanEstimators.Losses;
using GanEstimators.Networks;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// Alternates discriminator and generator updates: each step makes <see cref="CriticSteps"/> discriminator updates on
/// fresh real batches, then one generator update; an epoch is rows / batch size steps.
/// </summary>
internal sealed class AdversarialTrainingLoop
{
    public required ConditionalMlp Generator { get; init; }
    public required ConditionalMlp Discriminator { get; init; }
    public required AdversarialLoss Loss { get; init; }
    public required OptimizerSettings Optimizer { get; init; }
    public required int CriticSteps { get; init; }
    public required int BatchSize { get; init; }
    public required int NoiseDimension { get; init; }
    public required Device Device { get; init; }

    public GanTrainingHistory Run(TrainingBatches batches, int epochs, Generator random, IHost host, IChannel channel, Action<GanEpochMetrics>? progress, CancellationToken cancellation)
    {
        var history = new GanTrainingHistory();
        var stepsPerEpoch = Math.Max(1, batches.Rows / BatchSize);
        using var generatorOptimizer = Optimizer.Create(Generator.parameters());
        using var discriminatorOptimizer = Optimizer.Create(Discriminator.parameters());
        using var meter = new EpochMeter(Device);
        Generator.train();
        Discriminator.train();

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            meter.Reset();
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                host.CheckAlive();
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                Step(batches, random, generatorOptimizer, discriminatorOptimizer, meter);
            }
            var metrics = meter.Read(epoch, clock.Elapsed.TotalSeconds, Loss.IsCritic);
            history.Add(metrics);
            channel.Info(Describe(metrics, epochs));
            progress?.Invoke(metrics);
        }
        Generator.eval();
        Discriminator.eval();
        return history;
    }

    private void Step(TrainingBatches batches, Generator random, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer, EpochMeter meter)
    {
        Tensor discriminatorLoss = null!, realScores = null!, fakeScores = null!;
        for (var k = 0; k < CriticSteps; k++)
        {
            var (real, conditions) = batches.Draw(BatchSize, random);
            Tensor fake;
            using (no_grad()) fake = Generator.forward(Noise(random), conditions);
            realScores = Discriminator.forward(real, conditions);
            fakeScores = Discriminator.forward(fake, conditions);
            discriminatorLoss = Loss.DiscriminatorLoss(realScores, fakeScores);
            var penalty = Loss.Penalty(x => Discriminator.forward(x, conditions), real, fake, random);
            if (penalty is not null) discriminatorLoss = discriminatorLoss + penalty;
            discriminatorOptimizer.zero_grad();
            discriminatorLoss.backward();
            discriminatorOptimizer.step();
            Loss.AfterDiscriminatorStep(Discriminator);
        }

        var generatorConditions = batches.DrawConditions(BatchSize, random);
        var generatorLoss = Loss.GeneratorLoss(Discriminator.forward(Generator.forward(Noise(random), generatorConditions), generatorConditions));
        generatorOptimizer.zero_grad();
        generatorLoss.backward();
        var gradientNorm = stack(Generator.parameters().Select(p => p.grad!.pow(2).sum()).ToArray()).sum().sqrt();
        generatorOptimizer.step();

        using (no_grad())
        {
            var threshold = Loss.DecisionThreshold;
            var accuracy = ((realScores > threshold).to(float32).mean() + (fakeScores <= threshold).to(float32).mean()) / 2;
            meter.Add(
                discriminatorLoss.detach(), generatorLoss.detach(),
                Loss.Interpret(realScores).mean(), Loss.Interpret(fakeScores).mean(),
                accuracy, realScores.mean() - fakeScores.mean(), gradientNorm);
        }
    }

    private Tensor Noise(Generator random) => randn(BatchSize, NoiseDimension, device: Device, generator: random);

    private static string Describe(GanEpochMetrics m, int epochs) =>
        $"Epoch {m.Epoch}/{epochs}: D loss {m.DiscriminatorLoss:G4}, G loss {m.GeneratorLoss:G4}, D(real) {m.MeanRealScore:G4}, D(fake) {m.MeanFakeScore:G4}, " +
        (double.IsNaN(m.WassersteinEstimate) ? $"D accuracy {m.DiscriminatorAccuracy:P1}" : $"Wasserstein estimate {m.WassersteinEstimate:G4}") +
        $", |grad G| {m.GeneratorGradientNorm:G3}, {m.Seconds:F2}s";
}

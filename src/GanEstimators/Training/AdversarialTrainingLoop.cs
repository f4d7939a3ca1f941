using TorchSharp;
using System.Diagnostics;
using GanEstimators.Losses;
using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>
/// One epoch of alternating updates: each step makes <see cref="CriticSteps"/> discriminator updates on fresh real
/// batches, then one generator update; an epoch is rows / batch size steps. With PacGAN packing the discriminator sees
/// <see cref="PacSize"/> rows (and their conditions) concatenated into one.
/// </summary>
internal sealed class AdversarialTrainingLoop
{
    public required GeneratorNetwork Generator { get; init; }
    public required nn.Module<Tensor, Tensor?, Tensor> Discriminator { get; init; }
    public required optim.Optimizer GeneratorOptimizer { get; init; }
    public required optim.Optimizer DiscriminatorOptimizer { get; init; }
    public required AdversarialLoss Loss { get; init; }
    public required int CriticSteps { get; init; }
    public required int BatchSize { get; init; }
    public required int PacSize { get; init; }
    public required int NoiseDimension { get; init; }
    public required Device Device { get; init; }

    /// <summary>Weight of <see cref="FrequencyMatchingLoss"/> in the generator's loss; 0 leaves it out.</summary>
    public double FrequencyMatchingWeight { get; init; }

    /// <summary>The average of the generator's weights that sampling will use, updated after every generator step; null when off.</summary>
    public GeneratorAverage? Average { get; init; }

    /// <summary>The generator the sampler will get: the average when there is one.</summary>
    public GeneratorNetwork SampledGenerator => Average?.Network ?? Generator;

    private TorchSharp.Modules.Parameter[]? _generatorParameters;

    public GanEpochMetrics RunEpoch(int epoch, TrainingBatches batches, Generator random, EpochMeter meter, Action checkAlive)
    {
        var clock = Stopwatch.StartNew();
        var stepsPerEpoch = batches.StepsPerEpoch(BatchSize);
        meter.Reset();
        Generator.train();
        Discriminator.train();
        for (var step = 0; step < stepsPerEpoch; step++)
        {
            checkAlive();
            using var scope = NewDisposeScope();
            Step(batches, random, meter);
        }
        Generator.eval();
        Discriminator.eval();
        return meter.Read(epoch, clock.Elapsed.TotalSeconds);
    }

    private void Step(TrainingBatches batches, Generator random, EpochMeter meter)
    {
        Tensor discriminatorLoss = null!, realScores = null!, fakeScores = null!;
        for (var k = 0; k < CriticSteps; k++)
        {
            var (real, conditions, _, _) = batches.Draw(BatchSize, random);
            var condition = Condition(conditions, batches);
            Tensor fake;
            using (no_grad()) fake = Generator.Generate(Noise(random), condition, random);
            var packedReal = Pack(real);
            var packedFake = Pack(fake);
            var packedCondition = PackCondition(condition);
            Tensor Discriminate(Tensor rows) => BatchCondition.Forward(Discriminator, rows, packedCondition);
            realScores = Discriminate(packedReal);
            fakeScores = Discriminate(packedFake);
            discriminatorLoss = Loss.DiscriminatorLoss(realScores, fakeScores);
            var penalty = Loss.Penalty(Discriminate, packedReal, packedFake, random);
            if (penalty is not null) discriminatorLoss = discriminatorLoss.Plus(penalty);
            DiscriminatorOptimizer.zero_grad();
            discriminatorLoss.backward();
            DiscriminatorOptimizer.step();
            Loss.AfterDiscriminatorStep(Discriminator);
        }

        var paired = batches.DrawForGenerator(BatchSize, random, needsRealRows: FrequencyMatchingWeight > 0);
        var generatorCondition = Condition(paired?.Conditions, batches);
        var logits = Generator.Forward(Noise(random), generatorCondition);
        var generated = Generator.Activate(logits, random);
        var generatorLoss = Loss.GeneratorLoss(BatchCondition.Forward(Discriminator, Pack(generated), PackCondition(generatorCondition)));
        var conditionLoss = ConditionLoss.Compute(logits, paired?.Targets, batches.Categories);
        if (conditionLoss is not null) generatorLoss = generatorLoss.Plus(conditionLoss);
        var frequencyLoss = paired?.Real is null ? null
            : FrequencyMatchingLoss.Compute(logits, paired.Real, paired.Classes, Generator.Spec.Spans, FrequencyMatchingWeight);
        if (frequencyLoss is not null) generatorLoss = generatorLoss.Plus(frequencyLoss);
        GeneratorOptimizer.zero_grad();
        generatorLoss.backward();
        var gradientNorm = GeneratorGradientNorm();
        GeneratorOptimizer.step();
        Average?.Update();
        meter.Add(discriminatorLoss, generatorLoss, realScores, fakeScores, gradientNorm);
    }

    /// <summary>
    /// ‖∇G‖ over all the generator's gradients as one vector: one copy and one kernel, over the parameter list fetched
    /// once (fetching it walks the module tree, about 7.5 µs a step on the ring network).
    /// </summary>
    private Tensor GeneratorGradientNorm()
    {
        _generatorParameters ??= Generator.parameters().ToArray();
        using var _ = no_grad();
        using var flat = cat(_generatorParameters.Select(p => p.grad!.reshape(-1)).ToArray());
        return flat.norm();
    }

    private static BatchCondition? Condition(Tensor? conditions, TrainingBatches batches) =>
        conditions is null ? null : BatchCondition.OfMatrix(conditions, batches.OneConditionPerRow);

    /// <summary>Without packing the discriminator sees the generator's own condition, entries and all.</summary>
    private BatchCondition? PackCondition(BatchCondition? condition) =>
        condition is null || PacSize == 1 ? condition : BatchCondition.OfMatrix(Pack(condition.Dense));

    private Tensor Pack(Tensor rows) => PacSize == 1 ? rows : rows.reshape(rows.shape[0] / PacSize, -1);

    private Tensor Noise(Generator random) => TorchRandom.Normal(new long[] { BatchSize, NoiseDimension }, Device, random);
}

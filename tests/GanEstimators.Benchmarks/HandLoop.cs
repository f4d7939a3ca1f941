using System.Diagnostics;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Benchmarks;

/// <summary>Per-step bookkeeping the trainer does on top of the bare GAN update; the hand loop can add each piece to price it.</summary>
[Flags]
public enum Bookkeeping
{
    None = 0,
    /// <summary>‖∇G‖ as the trainer computes it: stack(p.grad.pow(2).sum() for every G parameter).sum().sqrt().</summary>
    GradientNorm = 1,
    /// <summary>EpochMeter as the trainer feeds it: detached losses, mean interpreted scores and mean real − mean fake, stacked, cast to float64 and summed on the device; read once per epoch.</summary>
    Metrics = 2,
    /// <summary>Discriminator accuracy as the trainer computes it: ((real &gt; 0).to(float32).mean() + (fake &lt;= 0).to(float32).mean()) / 2.</summary>
    Accuracy = 4,
    /// <summary>The trainer's step: all three.</summary>
    All = GradientNorm | Metrics | Accuracy,
    /// <summary>A suggestion for the library (see BENCHMARKS.md), the same numbers with fewer kernels: ‖∇G‖ = stack(p.grad.norm()).norm() over a cached parameter list; no detach (no_grad suffices); no float64 cast (add_ promotes); accuracy from one cat; the Wasserstein estimate only for critics.</summary>
    Lean = 8,
    /// <summary>Another suggestion: per step only ‖∇G‖ = cat(p.grad.view(-1)).norm() (cached parameter list) is computed and the detached losses and scores are kept; all seven numbers are reduced from them once per epoch.</summary>
    Deferred = 16,
}

/// <summary>
/// The minimal GAN loop a competent TorchSharp user would write for the same networks, loss, optimiser, batch size
/// and steps per epoch as GanTrainer: random batches drawn with replacement, every step in its own dispose scope,
/// nothing measured unless <see cref="Bookkeeping"/> asks for it.
/// </summary>
public sealed class HandLoop : IDisposable
{
    private readonly Config _config;
    private readonly bool _wgan;
    private readonly Tensor _rows;
    private readonly Tensor? _conditions;
    private readonly Sequential _generator, _discriminator;
    private readonly Parameter[] _generatorParameters;
    private readonly optim.Optimizer _generatorOptimizer, _discriminatorOptimizer;
    private readonly Generator _rng;
    private readonly Tensor _sums = zeros(7, dtype: float64);
    private readonly Tensor _zero = zeros(1).squeeze();
    private readonly List<Tensor> _kept = new();

    public IReadOnlyList<Parameter> GeneratorParameters => _generatorParameters;

    /// <param name="fixedParameterLists">Give the optimisers arrays instead of the modules' lazy parameters(), as
    /// GanTrainer does since session 26 (TorchSharp's optimisers enumerate what they are given in every zero_grad and
    /// step); off by default, where the loop is what a user following TorchSharp's examples writes.</param>
    public HandLoop(Config config, bool fixedParameterLists = false)
    {
        var data = config.Data;
        _config = config;
        _wgan = config.Loss == GanLoss.WassersteinGradientPenalty;
        _rows = tensor(data.Encoded, new long[] { data.Rows, data.Width });
        if (data.ClassIndices is not null)
        {
            using var classes = tensor(data.ClassIndices.Select(i => (long)i).ToArray());
            _conditions = F.one_hot(classes, data.Classes).to(float32);
        }
        var conditionWidth = data.ClassIndices is null ? 0 : data.Classes;
        random.manual_seed(config.Seed);
        _generator = Mlp(config.NoiseDimension + conditionWidth, config.HiddenSizes, data.Width, leaky: false);
        _discriminator = Mlp(data.Width + conditionWidth, config.HiddenSizes, 1, leaky: true);
        _generatorParameters = _generator.parameters().ToArray();
        _generatorOptimizer = optim.Adam(fixedParameterLists ? _generatorParameters : _generator.parameters(), config.LearningRate, config.Beta1, config.Beta2);
        _discriminatorOptimizer = optim.Adam(fixedParameterLists ? _discriminator.parameters().ToArray() : _discriminator.parameters(),
            config.LearningRate, config.Beta1, config.Beta2);
        _rng = new Generator((ulong)config.Seed);
    }

    /// <summary>Builds the loop and trains it for <paramref name="epochs"/> epochs, timing each (wall and thread CPU) and counting what it allocates on the managed heap.</summary>
    public static RunResult Train(Config config, int epochs, Bookkeeping bookkeeping, bool fixedParameterLists = false)
    {
        var total = Stopwatch.StartNew();
        using var loop = new HandLoop(config, fixedParameterLists);
        var seconds = new double[epochs];
        var cpuSeconds = new double[epochs];
        var kilobytes = new double[epochs];
        var cpuMark = ThreadClock.Seconds();
        var allocatedMark = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            loop.Epoch(bookkeeping);
            seconds[epoch] = clock.Elapsed.TotalSeconds;
            var cpuNow = ThreadClock.Seconds();
            cpuSeconds[epoch] = cpuNow - cpuMark;
            cpuMark = cpuNow;
            var allocatedNow = GC.GetAllocatedBytesForCurrentThread();
            kilobytes[epoch] = (allocatedNow - allocatedMark) / 1024.0;
            allocatedMark = allocatedNow;
        }
        return new RunResult(seconds, seconds, cpuSeconds, total.Elapsed.TotalSeconds) { EpochAllocatedKilobytes = kilobytes };
    }

    /// <summary>One epoch (rows / batch size steps); returns the seven epoch means in EpochMeter's order when bookkeeping is on, else nothing.</summary>
    public double[] Epoch(Bookkeeping bookkeeping)
    {
        _sums.zero_();
        var steps = Math.Max(1, _config.Data.Rows / _config.BatchSize);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            Step(bookkeeping);
        }
        if (bookkeeping == Bookkeeping.Deferred) return ReduceKept();
        if (bookkeeping == Bookkeeping.None) return Array.Empty<double>();
        using var cpu = _sums.cpu();
        return cpu.data<double>().ToArray().Select(v => v / steps).ToArray();
    }

    /// <summary>One GAN step: CriticSteps discriminator updates on fresh batches, then one generator update. Call inside a dispose scope.</summary>
    public void Step(Bookkeeping bookkeeping)
    {
        var batch = _config.BatchSize;
        Tensor dLoss = null!, realScores = null!, fakeScores = null!;
        for (var k = 0; k < _config.CriticSteps; k++)
        {
            var index = randint(_config.Data.Rows, new long[] { batch }, generator: _rng);
            var real = _rows.index_select(0, index);
            var c = _conditions?.index_select(0, index);
            Tensor fake;
            using (no_grad()) fake = _generator.forward(WithCondition(Noise(), c));
            realScores = _discriminator.forward(WithCondition(real, c));
            fakeScores = _discriminator.forward(WithCondition(fake, c));
            if (_wgan)
            {
                var alpha = rand(new long[] { batch, 1 }, generator: _rng);
                var mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(true);
                var mixedScores = _discriminator.forward(WithCondition(mixed, c));
                var gradient = autograd.grad(new[] { mixedScores }, new[] { mixed }, new[] { ones_like(mixedScores) }, retain_graph: true, create_graph: true)[0];
                dLoss = fakeScores.mean() - realScores.mean() + _config.PenaltyWeight * (gradient.norm(1) - 1).pow(2).mean();
            }
            else
            {
                dLoss = F.softplus(-realScores).mean() + F.softplus(fakeScores).mean();
            }
            _discriminatorOptimizer.zero_grad();
            dLoss.backward();
            _discriminatorOptimizer.step();
        }

        var gc = _conditions?.index_select(0, randint(_config.Data.Rows, new long[] { batch }, generator: _rng));
        var scores = _discriminator.forward(WithCondition(_generator.forward(WithCondition(Noise(), gc)), gc));
        var gLoss = _wgan ? -scores.mean() : F.softplus(-scores).mean();
        _generatorOptimizer.zero_grad();
        gLoss.backward();
        var gradientNorm = bookkeeping.HasFlag(Bookkeeping.Deferred) ? FlatGradientNorm()
            : bookkeeping.HasFlag(Bookkeeping.Lean) ? LeanGradientNorm()
            : bookkeeping.HasFlag(Bookkeeping.GradientNorm) ? GradientNorm() : null;
        _generatorOptimizer.step();

        if (bookkeeping.HasFlag(Bookkeeping.Deferred))
            foreach (var kept in new[] { dLoss.detach(), gLoss.detach(), gradientNorm!, realScores.detach(), fakeScores.detach() })
                _kept.Add(kept.MoveToOuterDisposeScope());
        else if (bookkeeping.HasFlag(Bookkeeping.Lean)) _sums.add_(LeanMetrics(dLoss, gLoss, realScores, fakeScores, gradientNorm!));
        else if (bookkeeping.HasFlag(Bookkeeping.Metrics)) _sums.add_(Metrics(bookkeeping, dLoss, gLoss, realScores, fakeScores, gradientNorm));
    }

    /// <summary>The trainer's expression (AdversarialTrainingLoop.Step): two kernels per parameter, then stack, sum, sqrt.</summary>
    public Tensor GradientNorm() => stack(_generator.parameters().Select(p => p.grad!.pow(2).sum()).ToArray()).sum().sqrt();

    /// <summary>The same value with one kernel per parameter (the norm of the per-parameter norms), over a parameter list fetched once.</summary>
    public Tensor LeanGradientNorm() => stack(_generatorParameters.Select(p => p.grad!.norm()).ToArray()).norm();

    /// <summary>‖∇G‖ over all generator gradients flattened into one vector (one copy, one kernel), over a parameter list fetched once.</summary>
    public Tensor FlatGradientNorm() => cat(_generatorParameters.Select(p => p.grad!.view(-1)).ToArray()).norm();

    /// <summary>The seven epoch means from the kept per-step tensors (batches are all the same size, so the mean over all scores is the mean of the per-step means); reads them to the host and frees what was kept.</summary>
    public double[] ReduceKept()
    {
        double[] values;
        using (NewDisposeScope())
        using (no_grad())
        {
            var steps = _kept.Count / 5;
            Tensor[] Slot(int slot) => Enumerable.Range(0, steps).Select(i => _kept[i * 5 + slot]).ToArray();
            var real = cat(Slot(3));
            var fake = cat(Slot(4));
            var means = stack(new[]
            {
                stack(Slot(0)).mean(), stack(Slot(1)).mean(), Interpret(real).mean(), Interpret(fake).mean(),
                cat(new[] { real > 0.0, fake <= 0.0 }).to(float32).mean(), real.mean() - fake.mean(), stack(Slot(2)).mean(),
            });
            values = means.to(float64).data<double>().ToArray();
        }
        foreach (var t in _kept) t.Dispose();
        _kept.Clear();
        return values;
    }

    /// <summary>What the trainer hands EpochMeter.Add, stacked and cast as EpochMeter does (accuracy and ‖∇G‖ only when asked for, else 0).</summary>
    public Tensor Metrics(Bookkeeping bookkeeping, Tensor dLoss, Tensor gLoss, Tensor realScores, Tensor fakeScores, Tensor? gradientNorm)
    {
        using var _ = no_grad();
        var accuracy = bookkeeping.HasFlag(Bookkeeping.Accuracy)
            ? ((realScores > 0.0).to(float32).mean() + (fakeScores <= 0.0).to(float32).mean()) / 2
            : _zero;
        var values = new[]
        {
            dLoss.detach(), gLoss.detach(), Interpret(realScores).mean(), Interpret(fakeScores).mean(),
            accuracy, realScores.mean() - fakeScores.mean(), gradientNorm ?? _zero,
        };
        return stack(values).to(float64);
    }

    /// <summary>The same seven numbers with fewer kernels (see <see cref="Bookkeeping.Lean"/>); the Wasserstein slot is only filled for critics (EpochMeter reports it only for them) and accuracy only for the others.</summary>
    public Tensor LeanMetrics(Tensor dLoss, Tensor gLoss, Tensor realScores, Tensor fakeScores, Tensor gradientNorm)
    {
        using var _ = no_grad();
        if (_wgan)
        {
            var realMean = realScores.mean();
            var fakeMean = fakeScores.mean();
            return stack(new[] { dLoss, gLoss, realMean, fakeMean, _zero, realMean - fakeMean, gradientNorm });
        }
        var accuracy = cat(new[] { realScores > 0.0, fakeScores <= 0.0 }).to(float32).mean();
        return stack(new[] { dLoss, gLoss, realScores.sigmoid().mean(), fakeScores.sigmoid().mean(), accuracy, _zero, gradientNorm });
    }

    private Tensor Interpret(Tensor scores) => _wgan ? scores : scores.sigmoid();

    private Tensor Noise() => randn(_config.BatchSize, _config.NoiseDimension, generator: _rng);

    private static Tensor WithCondition(Tensor x, Tensor? condition) => condition is null ? x : cat(new[] { x, condition }, 1);

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

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        _rng.Dispose();
        _rows.Dispose();
        _conditions?.Dispose();
        _sums.Dispose();
        _zero.Dispose();
        foreach (var t in _kept) t.Dispose();
    }
}

using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Benchmarks;

/// <summary>What the DCGAN hand loop does besides the bare step, to price each piece against the trainer.</summary>
[Flags]
public enum DcganExtras
{
    None = 0,
    /// <summary>Noise and batch rows drawn on the CPU and copied to the device, as the trainer did before device draws.</summary>
    HostDraws = 1,
    /// <summary>The trainer's per-step bookkeeping: ‖∇G‖ over every parameter and the six epoch sums on the device.</summary>
    Bookkeeping = 2,
}

/// <summary>
/// A minimal hand-written TorchSharp loop of the conditional DCGAN that FashionGan trains by default (the library's
/// networks rebuilt from plain modules): generator noise 64 + a 50-wide label embedding → linear to 2·base×7×7, batch
/// norm, ReLU, two 4×4 stride-2 transposed convolutions (batch norm, ReLU), a 3×3 convolution and tanh; discriminator
/// two 4×4 stride-2 convolutions with LeakyReLU 0.2, a linear score and a projection of the label, all spectrally
/// normalised (one power iteration per forward, as the library's SpectralNorm); Hinge loss, Adam(2e-4, 0.5, 0.9),
/// one D step per G step, rows drawn with replacement. With <paramref name="sections"/> each part of a step is timed
/// with a device synchronisation around it (profiling only: the waits change what they measure a little).
/// </summary>
public sealed class DcganHandLoop : IDisposable
{
    public static readonly string[] SectionNames = { "draws", "D forward + loss", "D backward", "D Adam", "G forward + loss", "G backward", "G Adam", "bookkeeping" };

    private readonly Device _device;
    private readonly int _batch, _noise, _classes;
    private readonly Tensor _images, _labels;
    private readonly Tensor _labelsOnHost;
    private readonly Generator _hostRandom = new(1);
    private readonly Generator? _cpuStandIn;
    private readonly Generator_ _generator;
    private readonly Discriminator _discriminator;
    private readonly optim.Optimizer _generatorOptimizer, _discriminatorOptimizer;
    private readonly Parameter[] _generatorParameters;
    private readonly Tensor _sums;

    public DcganHandLoop(Device device, Tensor imagesOnHost, long[] labelsOnHost, int classes, int batch, int baseChannels = 32, int noise = 64)
    {
        _device = device;
        _batch = batch;
        _noise = noise;
        _classes = classes;
        _labelsOnHost = F.one_hot(tensor(labelsOnHost), classes).to(float32);
        _images = imagesOnHost.to(device);
        _labels = _labelsOnHost.to(device);
        random.manual_seed(1);
        if (device.type == DeviceType.CUDA) cuda.manual_seed_all(1);
        else _cpuStandIn = new Generator(2);
        _generator = new Generator_(noise, classes, baseChannels);
        _discriminator = new Discriminator(classes, baseChannels);
        _generator.to(device);
        _discriminator.to(device);
        _generatorParameters = _generator.parameters().ToArray();
        _generatorOptimizer = optim.Adam(_generator.parameters(), 2e-4, 0.5, 0.9);
        _discriminatorOptimizer = optim.Adam(_discriminator.parameters(), 2e-4, 0.5, 0.9);
        _sums = zeros(6, dtype: float64, device: device);
    }

    public long Rows => _images.shape[0];

    /// <summary>Milliseconds per step over <paramref name="steps"/> steps (after <paramref name="warmup"/> untimed ones), synchronised at both ends.</summary>
    public double MillisecondsPerStep(int steps, int warmup, DcganExtras extras)
    {
        for (var i = 0; i < warmup; i++) Step(extras, null);
        Synchronize();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) Step(extras, null);
        if (extras.HasFlag(DcganExtras.Bookkeeping)) { using var read = _sums.cpu(); }
        Synchronize();
        return clock.Elapsed.TotalMilliseconds / steps;
    }

    /// <summary>Mean milliseconds per section, with a synchronisation before every mark.</summary>
    public double[] Sections(int steps, int warmup, DcganExtras extras)
    {
        for (var i = 0; i < warmup; i++) Step(extras, null);
        var totals = new double[SectionNames.Length];
        for (var i = 0; i < steps; i++) Step(extras, totals);
        return totals.Select(t => t / steps).ToArray();
    }

    public void Step(DcganExtras extras, double[]? sections)
    {
        using var scope = NewDisposeScope();
        _generator.train();
        _discriminator.train();
        var mark = sections is null ? null : Stopwatch.StartNew();
        void Mark(int section)
        {
            if (sections is null) return;
            Synchronize();
            sections[section] += mark!.Elapsed.TotalMilliseconds;
            mark.Restart();
        }

        var hostDraws = extras.HasFlag(DcganExtras.HostDraws);
        var (real, condition) = Batch(hostDraws);
        var noise = Noise(hostDraws);
        var generatorCondition = Batch(hostDraws).Condition;
        var generatorNoise = Noise(hostDraws);
        Mark(0);
        Tensor fake;
        using (no_grad()) fake = _generator.forward(noise, condition);
        var realScores = _discriminator.forward(real, condition);
        var fakeScores = _discriminator.forward(fake, condition);
        var dLoss = F.relu(1 - realScores).mean() + F.relu(1 + fakeScores).mean();
        Mark(1);
        _discriminatorOptimizer.zero_grad();
        dLoss.backward();
        Mark(2);
        _discriminatorOptimizer.step();
        Mark(3);
        var gLoss = -_discriminator.forward(_generator.forward(generatorNoise, generatorCondition), generatorCondition).mean();
        Mark(4);
        _generatorOptimizer.zero_grad();
        gLoss.backward();
        Mark(5);
        var gradientNorm = extras.HasFlag(DcganExtras.Bookkeeping) ? stack(_generatorParameters.Select(p => p.grad!.pow(2).sum()).ToArray()).sum().sqrt() : null;
        _generatorOptimizer.step();
        Mark(6);
        if (gradientNorm is not null)
        {
            using var _ = no_grad();
            var accuracy = ((realScores > 0.0).to(float32).mean() + (fakeScores <= 0.0).to(float32).mean()) * 0.5;
            _sums.add_(stack(new[] { dLoss, gLoss, realScores.mean(), fakeScores.mean(), gradientNorm, accuracy }));
        }
        Mark(7);
    }

    private (Tensor Real, Tensor Condition) Batch(bool hostDraws)
    {
        var index = hostDraws
            ? randint(Rows, new long[] { _batch }, generator: _hostRandom).to(_device)
            : randint(Rows, new long[] { _batch }, device: _device, generator: _cpuStandIn);
        return (_images.index_select(0, index), _labels.index_select(0, index));
    }

    private Tensor Noise(bool hostDraws) => hostDraws
        ? randn(new long[] { _batch, _noise }, generator: _hostRandom).to(_device)
        : randn(new long[] { _batch, _noise }, device: _device, generator: _cpuStandIn);

    private void Synchronize()
    {
        if (_device.type == DeviceType.CUDA) cuda.synchronize(_device);
    }

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
        _images.Dispose();
        _labels.Dispose();
        _labelsOnHost.Dispose();
        _sums.Dispose();
        _hostRandom.Dispose();
        _cpuStandIn?.Dispose();
    }

    // Named with a trailing underscore: TorchSharp's torch.Generator (the random generator) is in scope.
    private sealed class Generator_ : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly Linear _embed, _linear;
        private readonly BatchNorm1d _norm;
        private readonly Sequential _upsample;
        private readonly long[] _start;

        public Generator_(int noise, int classes, int baseChannels) : base("generator")
        {
            var (wide, middle, narrow) = (2 * baseChannels, baseChannels, baseChannels / 2);
            _start = new long[] { -1, wide, 7, 7 };
            _embed = nn.Linear(classes, 50);
            _linear = nn.Linear(noise + 50, wide * 49);
            _norm = nn.BatchNorm1d(wide * 49);
            _upsample = nn.Sequential(
                nn.ConvTranspose2d(wide, middle, 4, stride: 2, padding: 1), nn.BatchNorm2d(middle), nn.ReLU(),
                nn.ConvTranspose2d(middle, narrow, 4, stride: 2, padding: 1), nn.BatchNorm2d(narrow), nn.ReLU(),
                nn.Conv2d(narrow, 1, 3, padding: 1));
            RegisterComponents();
        }

        public override Tensor forward(Tensor noise, Tensor condition)
        {
            var x = F.relu(_norm.forward(_linear.forward(cat(new[] { noise, _embed.forward(condition) }, 1))));
            return _upsample.forward(x.view(_start)).flatten(1).tanh();
        }
    }

    private sealed class Discriminator : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly Spectral _conv0, _conv1, _output, _projection;

        public Discriminator(int classes, int baseChannels) : base("discriminator")
        {
            _conv0 = new Spectral("conv0", nn.Conv2d(1, baseChannels, 4, stride: 2, padding: 1));
            _conv1 = new Spectral("conv1", nn.Conv2d(baseChannels, 2 * baseChannels, 4, stride: 2, padding: 1));
            _output = new Spectral("output", nn.Linear(2 * baseChannels * 49, 1));
            _projection = new Spectral("projection", nn.Linear(classes, 2 * baseChannels * 49, hasBias: false));
            RegisterComponents();
        }

        public override Tensor forward(Tensor images, Tensor condition)
        {
            var h = F.leaky_relu(_conv1.forward(F.leaky_relu(_conv0.forward(images.view(-1, 1, 28, 28)), 0.2)), 0.2).flatten(1);
            return _output.forward(h) + (_projection.forward(condition) * h).sum(1, keepdim: true);
        }
    }

    /// <summary>Spectral normalisation as the library's: one power iteration per training forward, u and v as buffers, cloned for the graph.</summary>
    private sealed class Spectral : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _layer;
        private Tensor _u, _v;

        public Spectral(string name, nn.Module<Tensor, Tensor> layer) : base(name)
        {
            _layer = layer;
            var w = Weight;
            _u = F.normalize(randn(w.shape[0]), dim: 0);
            _v = F.normalize(randn(w.numel() / w.shape[0]), dim: 0);
            RegisterComponents();
        }

        private Parameter Weight => _layer is Linear l ? l.weight! : ((Conv2d)_layer).weight!;

        public override Tensor forward(Tensor input)
        {
            var w = Weight;
            var matrix = w.reshape(w.shape[0], -1);
            using (no_grad())
            {
                _u.copy_(F.normalize(matrix.mv(_v), dim: 0));
                _v.copy_(F.normalize(matrix.t().mv(_u), dim: 0));
            }
            var weight = w / _u.clone().dot(matrix.mv(_v.clone()));
            return _layer switch
            {
                Linear l => F.linear(input, weight, l.bias),
                Conv2d c => F.conv2d(input, weight, c.bias, c.stride, c.padding, c.dilation, c.groups),
                _ => throw new InvalidOperationException(),
            };
        }
    }
}

using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>Where a training run draws its per-step random tensors; an internal switch that tests and the GPU profile set.</summary>
internal enum RandomDraws
{
    /// <summary>On the device when training on CUDA; on the CPU (drawn there and moved, as always) otherwise.</summary>
    Auto,
    /// <summary>Always on the CPU and moved to the device: the library's draws before device draws existed.</summary>
    Host,
    /// <summary>Always with the device stream, also on the CPU (where a second CPU generator stands in for the device's).</summary>
    Device,
}

/// <summary>
/// A training run's random generator: the CPU generator a run always had (saved and restored with the training state;
/// C#-side draws derive from it), plus, with device draws, a stream on the device for the per-step tensors (noise,
/// batch rows, training-by-sampling, Gumbel and penalty uniforms), so a step on a GPU copies nothing from the host.
/// The device stream is reseeded from this CPU stream at the start of every epoch (<see cref="ReseedDeviceStream"/>),
/// so one seed gives the same run on the same GPU and a run resumed at an epoch boundary continues exactly.
/// <para>
/// TorchSharp 0.107 cannot make a CUDA <see cref="Generator"/> (its native <c>THSGenerator_new</c> always builds a CPU
/// one), so on CUDA the device stream is the device's default generator (<c>torch.cuda.manual_seed_all</c>). It is one
/// per process: two trainers drawing on the same GPU at the same time share it, and neither is then reproducible.
/// </para>
/// </summary>
internal sealed class TrainingRandom : Generator
{
    private readonly Device _device;
    private Generator? _cpuStandIn;

    public TrainingRandom(ulong seed, Device device, RandomDraws draws) : base(seed)
    {
        _device = device;
        DrawsOnDevice = draws == RandomDraws.Device || (draws == RandomDraws.Auto && device.type == TorchSharp.DeviceType.CUDA);
    }

    /// <summary>Whether <see cref="TorchRandom"/> draws this run's tensors with the device stream.</summary>
    public bool DrawsOnDevice { get; }

    /// <summary>The generator a device draw passes to torch: null on CUDA (the device's default generator), the stand-in on the CPU.</summary>
    public Generator? DeviceGenerator => _cpuStandIn;

    /// <summary>Seeds the device stream with a number drawn from this CPU stream; a no-op without device draws.</summary>
    public void ReseedDeviceStream()
    {
        if (!DrawsOnDevice) return;
        long seed;
        using (var drawn = randint(long.MaxValue, new long[] { 1 }, generator: this)) seed = drawn.item<long>();
        if (_device.type == TorchSharp.DeviceType.CUDA)
        {
            cuda.manual_seed_all(seed);
            return;
        }
        _cpuStandIn?.Dispose();
        _cpuStandIn = new Generator((ulong)seed);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _cpuStandIn?.Dispose();
        base.Dispose(disposing);
    }
}

using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// Which devices this ganest can train on. The tool package ships libtorch's CPU build for its platform, so a GPU
/// needs ganest built with a TorchSharp CUDA backend (or a CUDA libtorch put in its place): `--gpu` says so at once
/// instead of failing deep inside training, and `ganest info` says what this installation has.
/// </summary>
public static class DeviceSupport
{
    /// <summary>The sentence for `ganest --help`: known without loading libtorch.</summary>
    public const string HelpText =
        "Devices: the ganest tool package ships libtorch's CPU build for its platform, so it trains on the CPU; " +
        "`train --gpu N` needs ganest built with a TorchSharp CUDA backend. `ganest info` tells what this installation can use";

    /// <summary>Refuses `--gpu` before any work when this process cannot see CUDA, naming the cause and the way out.</summary>
    public static void RequireCuda(int gpu)
    {
        if (gpu < 0) throw new ArgumentException($"--gpu must be a CUDA device index (0 or more); got {gpu}.");
        if (!torch.cuda.is_available())
            throw new ArgumentException($"--gpu {gpu}: CUDA is not available to this ganest (the tool package ships libtorch's CPU build only). " +
                "Leave --gpu out to train on the CPU, or build ganest with a TorchSharp CUDA backend on a machine with an NVIDIA GPU.");
        if (gpu >= torch.cuda.device_count())
            throw new ArgumentException($"--gpu {gpu}: this machine has {torch.cuda.device_count()} CUDA device(s), numbered from 0.");
    }

    /// <summary>The lines of `ganest info`.</summary>
    public static IEnumerable<string> Describe()
    {
        var version = typeof(DeviceSupport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        yield return $"ganest {version} on .NET {Environment.Version}, {RuntimeInformation.RuntimeIdentifier}";
        yield return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__}";
        yield return torch.cuda.is_available()
            ? $"Devices: CPU, and CUDA ({torch.cuda.device_count()} device(s)): `train --gpu N` trains on device N"
            : "Devices: CPU only (CUDA is not available: the tool package ships libtorch's CPU build; `train --gpu N` needs ganest built with a TorchSharp CUDA backend)";
        yield return $"CPU threads for training: {Environment.ProcessorCount} processor(s) seen; the default uses one fewer, at least 1 (--threads)";
    }
}

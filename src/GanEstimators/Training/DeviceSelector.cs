using GanEstimators.Native;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Training;

/// <summary>ML.NET's device rule (as in Microsoft.ML.TorchSharp): CUDA when a GPU is asked for and present; CPU otherwise, unless fallback is off.</summary>
internal static class DeviceSelector
{
    public static Device Select(IHostEnvironment environment)
    {
        var settings = environment as IHostEnvironmentInternal;
        var gpuDeviceId = settings?.GpuDeviceId;
        if (gpuDeviceId is null) return CPU;
        if (cuda.is_available()) return new Device(DeviceType.CUDA, gpuDeviceId.Value);
        if (settings!.FallbackToCpu) return CPU;
        throw new InvalidOperationException(
            $"MLContext.GpuDeviceId is {gpuDeviceId} but CUDA is not available (no GPU, or the app references TorchSharp-cpu instead of a libtorch-cuda package) " +
            "and MLContext.FallbackToCpu is false. Set FallbackToCpu = true to train on the CPU, or reference a TorchSharp CUDA backend.");
    }

    /// <summary>
    /// The device, checked for the network family (DCGAN's convolutions need correct gradients on the CPU), and said on
    /// the channel: a fallback to the CPU from a requested GPU is a warning, so it is never silent.
    /// </summary>
    public static Device SelectFor(IHostEnvironment environment, NetworkPlan network, IChannel channel)
    {
        var device = Select(environment);
        var gpuDeviceId = (environment as IHostEnvironmentInternal)?.GpuDeviceId;
        if (gpuDeviceId is not null && device.type != DeviceType.CUDA)
            channel.Warning($"GAN training on cpu (CUDA device {gpuDeviceId} not available; FallbackToCpu)");
        else
            channel.Info(gpuDeviceId is null ? "GAN training on cpu (MLContext.GpuDeviceId not set)" : $"GAN training on {device}");
        if (network.Architecture == GanArchitecture.Dcgan)
        {
            if (ConvolutionChannelPadding.Note is { } note) channel.Info(note);
            ConvolutionGradientCheck.EnsureCorrect(device);
        }
        return device;
    }
}

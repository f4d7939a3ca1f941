using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Networks;

/// <summary>
/// Batch normalisation (momentum 0.1, ε 1e-5, affine, running statistics: PyTorch's defaults) whose training step
/// counts batches with a rooted scalar. TorchSharp's own <c>BatchNorm.forward</c> runs <c>num_batches_tracked.add_(1)</c>
/// with a Scalar made on the spot, which a garbage collection can free while the native call reads it (see
/// <see cref="TorchScalars"/>): a flights-20k training run aborted with "Unknown scalar type" there. Same parameters,
/// buffers and names as <c>nn.BatchNorm1d</c>/<c>nn.BatchNorm2d</c>, so saved weights load either way.
/// </summary>
internal sealed class RootedBatchNorm : TorchSharp.Modules.BatchNorm
{
    private readonly int _inputDimensions;

    private RootedBatchNorm(long features, int inputDimensions, string name)
        : base(features, eps: 1e-5, momentum: 0.1, affine: true, track_running_stats: true, device: null, dtype: null, name)
    {
        _inputDimensions = inputDimensions;
    }

    /// <summary>Over the features of (batch × features) rows, as <c>nn.BatchNorm1d</c>.</summary>
    public static RootedBatchNorm OfRows(long features) => new(features, 2, "BatchNorm1d");

    /// <summary>Over the channels of (batch × channels × height × width) images, as <c>nn.BatchNorm2d</c>.</summary>
    public static RootedBatchNorm OfImages(long channels) => new(channels, 4, "BatchNorm2d");

    protected override void ValidateInputDimensions(Tensor input)
    {
        if (input.dim() != _inputDimensions)
            throw new ArgumentException($"Batch normalisation expected a {_inputDimensions}-D input; got {input.dim()}-D.", nameof(input));
    }

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        if (training && num_batches_tracked is not null) num_batches_tracked.add_(TorchScalars.IntegerOne, TorchScalars.IntegerOne);
        return F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum ?? 0.1, eps);
    }
}

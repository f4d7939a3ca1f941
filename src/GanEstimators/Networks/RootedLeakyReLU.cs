using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// LeakyReLU whose negative slope is a rooted scalar. TorchSharp's <c>nn.LeakyReLU</c> turns its slope into a Scalar
/// on every forward, which a garbage collection on another thread can free while the native call reads it (see
/// <see cref="TorchScalars"/>). No parameters or buffers, so saved weights are the same with either module.
/// </summary>
internal sealed class RootedLeakyReLU : nn.Module<Tensor, Tensor>
{
    private readonly Scalar _slope;

    public RootedLeakyReLU(double slope) : base("LeakyReLU")
    {
        _slope = slope.ToScalar();
    }

    public override Tensor forward(Tensor input) => input.leaky_relu(_slope);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _slope.Dispose();
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Networks;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of a <see cref="Linear"/> or <see cref="ConvolutionLayer"/> layer: the layer
/// runs with its weight divided by the weight's largest singular value σ, so it is 1-Lipschitz. σ is estimated by one
/// power-iteration step per training forward pass, continuing from the singular vectors <c>u</c> and <c>v</c> kept as
/// buffers (saved and loaded with the weights); in eval mode the stored vectors are used as they are, so a loaded
/// discriminator scores deterministically. TorchSharp 0.107 has no <c>spectral_norm</c>.
/// </summary>
internal sealed class SpectralNorm : nn.Module<Tensor, Tensor>
{
    private static readonly Scalar Epsilon = 1e-12.ToScalar();   // rooted: see TorchScalars

    private readonly nn.Module<Tensor, Tensor> layer;
    // Not readonly: Module.to(device) replaces buffer fields with moved copies.
    private Tensor u;
    private Tensor v;

    public SpectralNorm(string name, Linear linear) : this(name, (nn.Module<Tensor, Tensor>)linear) { }

    public SpectralNorm(string name, ConvolutionLayer convolution) : this(name, (nn.Module<Tensor, Tensor>)convolution) { }

    private SpectralNorm(string name, nn.Module<Tensor, Tensor> layer) : base(name)
    {
        this.layer = layer;
        var weight = Weight;
        var (rows, columns) = (weight.shape[0], weight.numel() / weight.shape[0]);
        using (no_grad())
        {
            u = Normalise(randn(rows, dtype: weight.dtype, device: weight.device));
            v = Normalise(randn(columns, dtype: weight.dtype, device: weight.device));
        }
        RegisterComponents();
    }

    private Parameter Weight => layer switch
    {
        Linear linear => linear.weight!,
        ConvolutionLayer convolution => convolution.Weight,
        _ => throw new InvalidOperationException($"Spectral norm supports Linear and ConvolutionLayer, not {layer.GetType().Name}."),
    };

    /// <summary>The weight the layer actually applies: W / σ(W), with σ from the current singular-vector estimates.</summary>
    public Tensor NormalisedWeight()
    {
        var weight = Weight;
        var matrix = WeightMatrix(weight);
        var (left, right) = (u, v);
        if (training)
        {
            using (no_grad())
            {
                u.copy_(Normalise(matrix.mv(v)));
                v.copy_(Normalise(matrix.t().mv(u)));
            }
            // Copies, because the next training forward updates u and v in place while this graph may still be
            // waiting for its backward pass (real and fake batches, the WGAN-GP penalty).
            (left, right) = (u.clone(), v.clone());
        }
        // u and v are constants, as in the paper: the gradient flows through W only.
        var sigma = left.dot(matrix.mv(right));
        return weight / sigma;
    }

    public override Tensor forward(Tensor input)
    {
        var weight = NormalisedWeight();
        return layer switch
        {
            Linear linear => F.linear(input, weight, linear.bias),
            ConvolutionLayer convolution => convolution.Convolve(input, weight),
            _ => throw new InvalidOperationException(),
        };
    }

    private static Tensor WeightMatrix(Tensor weight) => weight.reshape(weight.shape[0], -1);

    private static Tensor Normalise(Tensor vector) => vector / vector.norm().Plus(Epsilon);
}

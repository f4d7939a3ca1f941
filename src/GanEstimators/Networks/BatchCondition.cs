using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// One batch's condition matrix, shared by every forward of a training update that uses it (the generator's, and the
/// discriminator's on real, fake and penalty rows). Its non-zero entries, which the MLP bodies add up as weight rows,
/// are found at most once, on first use; the entries are the same however often they are found, so sharing them
/// changes no value. Its tensors belong to the caller's dispose scope.
/// </summary>
internal sealed class BatchCondition(Tensor dense)
{
    private ActiveConditions? _active;

    /// <summary>The (rows × condition width) matrix, for networks that take their condition whole.</summary>
    public Tensor Dense { get; } = dense;

    /// <summary>The matrix's non-zero entries.</summary>
    public ActiveConditions Active => _active ??= ActiveConditions.Of(Dense);

    /// <summary><paramref name="network"/> on <paramref name="input"/> under <paramref name="condition"/> (none: unconditional).</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor?, Tensor> network, Tensor input, BatchCondition? condition) => network switch
    {
        _ when condition is null => network.forward(input, null),
        ConditionalMlp mlp => mlp.Forward(input, condition.Active),
        ResidualMlp residual => residual.Forward(input, condition.Active),
        _ => network.forward(input, condition.Dense),
    };
}

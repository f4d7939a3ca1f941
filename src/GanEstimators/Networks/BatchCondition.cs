using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// One batch's condition matrix, shared by every forward of a training update that uses it (the generator's, and the
/// discriminator's on real, fake and penalty rows). The MLP bodies' layers take a narrow condition as a product with the
/// matrix and a wide one by its non-zero entries, which are found at most once, on first use; the entries are the same
/// however often they are found, so sharing them changes no value. Its tensors belong to the caller's dispose scope.
/// The matrix holds only zeros and ones, as every training condition does; <paramref name="onePerRow"/> says that every
/// row has exactly one 1 (a label alone).
/// </summary>
internal sealed class BatchCondition(Tensor dense, bool onePerRow = false)
{
    private ActiveConditions? _active;

    /// <summary>The (rows × condition width) matrix, for networks that take their condition whole.</summary>
    public Tensor Dense { get; } = dense;

    /// <summary>The matrix's non-zero entries.</summary>
    public ActiveConditions Active => _active ??= ActiveConditions.OfOnes(Dense, onePerRow);

    /// <summary><paramref name="network"/> on <paramref name="input"/> under <paramref name="condition"/> (none: unconditional).</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor?, Tensor> network, Tensor input, BatchCondition? condition) => network switch
    {
        _ when condition is null => network.forward(input, null),
        ConditionalMlp mlp => mlp.Forward(input, condition),
        ResidualMlp residual => residual.Forward(input, condition),
        _ => network.forward(input, condition.Dense),
    };

    /// <summary>
    /// <paramref name="network"/> on <paramref name="input"/> under a condition given by its non-zero entries
    /// (<paramref name="active"/>; null: unconditional): the MLP bodies add them up as weight rows, other networks get
    /// the dense matrix from <paramref name="dense"/>.
    /// </summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor?, Tensor> network, Tensor input, ActiveConditions? active, Func<Tensor> dense) => network switch
    {
        _ when active is null => network.forward(input, null),
        ConditionalMlp mlp => mlp.Forward(input, active),
        ResidualMlp residual => residual.Forward(input, active),
        _ => network.forward(input, dense()),
    };
}

using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// One batch's condition as every network takes it, in training and in sampling. Training gives the 0/1 matrix, which
/// every forward of one update shares (the generator's, and the discriminator's on real, fake and penalty rows);
/// sampling gives the non-zero entries it drew, and no matrix is built unless a network needs it whole. The MLP bodies'
/// layers add a narrow condition as a product with a given matrix and otherwise by its entries
/// (<see cref="ConditionedLinear.Forward"/>); whichever form is missing is made at most once, on first use. Its tensors
/// belong to the caller: a dispose scope in training, the entries' owner in sampling.
/// </summary>
internal sealed class BatchCondition
{
    private readonly long rowCount;
    private readonly long width;
    private readonly bool onePerRow;
    private Tensor? _dense;
    private ActiveConditions? _active;

    private BatchCondition(Tensor? dense, ActiveConditions? active, long rowCount, long width, bool onePerRow) =>
        (_dense, _active, this.rowCount, this.width, this.onePerRow, MatrixGiven) = (dense, active, rowCount, width, onePerRow, dense is not null);

    /// <summary>
    /// A training batch's (rows × width) matrix of zeros and ones, as every training condition is; <paramref name="onePerRow"/>
    /// says that every row has exactly one 1 (a label alone).
    /// </summary>
    public static BatchCondition OfMatrix(Tensor zeroOne, bool onePerRow = false) => new(zeroOne, null, zeroOne.shape[0], zeroOne.shape[1], onePerRow);

    /// <summary>A condition given by its non-zero entries, for <paramref name="rowCount"/> rows of a <paramref name="width"/>-wide condition.</summary>
    public static BatchCondition OfEntries(ActiveConditions entries, long rowCount, long width) => new(null, entries, rowCount, width, entries.OnePerRow);

    /// <summary>Whether the matrix came with the condition (training) rather than being built from its entries.</summary>
    public bool MatrixGiven { get; }

    /// <summary>The (rows × condition width) matrix, for networks that take their condition whole.</summary>
    public Tensor Dense => _dense ??= _active!.ToDense(rowCount, width);

    /// <summary>The matrix's non-zero entries.</summary>
    public ActiveConditions Active => _active ??= ActiveConditions.OfOnes(_dense!, onePerRow);

    /// <summary>
    /// Any matrix, not only zeros and ones, by its entries (values included): what a network's plain
    /// <c>forward(input, matrix)</c> takes. The caller disposes the entries (<see cref="Active"/>).
    /// </summary>
    public static BatchCondition? OfAnyMatrix(Tensor? matrix) =>
        matrix is null ? null : OfEntries(ActiveConditions.Of(matrix), matrix.shape[0], matrix.shape[1]);

    /// <summary><paramref name="network"/> on <paramref name="input"/> under <paramref name="condition"/> (none: unconditional).</summary>
    public static Tensor Forward(nn.Module<Tensor, Tensor?, Tensor> network, Tensor input, BatchCondition? condition) => network switch
    {
        ConditionalMlp mlp => mlp.Forward(input, condition),
        ResidualMlp residual => residual.Forward(input, condition),
        _ => network.forward(input, condition?.Dense),
    };
}

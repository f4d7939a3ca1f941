using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Networks;

/// <summary>
/// A linear layer over [input, condition] that treats the condition as what it is — one-hot or multi-hot (a label,
/// CTGAN's conditional vector, PacGAN packs of them) — so its part of the product is a sum of a few weight rows
/// instead of a dense matrix product. On wide categorical tables the condition is half of every layer's input, and
/// this halves the work. The result equals <c>Linear(cat(input, condition))</c>.
/// </summary>
internal sealed class ConditionedLinear : nn.Module<Tensor, Tensor?, Tensor>
{
    /// <summary>
    /// Conditions at most this wide are added in training as one product with the batch's 0/1 condition matrix: adding
    /// weight rows costs an index_select, and its backward a scatter into the weight rows, which a product this narrow
    /// undercuts (forward and backward of a 256-row layer: 20 µs less at width 5, about even at 20, dearer from 50;
    /// BENCHMARKS.md, "CPU training loop", <c>--price-conditioned</c>). A one-hot product adds each row's one weight row
    /// to exactly the sum the entries give.
    /// </summary>
    public const int DenseProductWidth = 16;

    private readonly LinearLayer input;
    private readonly Parameter? condition;
    private readonly int conditionWidth;

    public ConditionedLinear(string name, int inputWidth, int conditionWidth, int outputWidth) : base(name)
    {
        input = new LinearLayer(inputWidth, outputWidth);
        // The same initial scale as one Linear over the concatenated input (bound 1/√fan-in).
        var bound = 1.0 / Math.Sqrt(inputWidth + conditionWidth);
        using (no_grad())
        {
            input.Weight.uniform_(-bound, bound);
            input.Bias!.uniform_(-bound, bound);
            if (conditionWidth > 0) condition = new Parameter(empty(conditionWidth, outputWidth).uniform_(-bound, bound));
        }
        this.conditionWidth = conditionWidth;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? conditions)
    {
        var batch = BatchCondition.OfAnyMatrix(conditions);
        using var entries = batch?.Active;
        return Forward(x, batch);
    }

    /// <summary>
    /// The same, with a batch's condition: a narrow one (<see cref="DenseProductWidth"/>) whose matrix was given, as in
    /// training, as a product with that matrix; otherwise by its non-zero entries, found once for all the layers that
    /// share them. Sampling, which gives entries, never builds a matrix for the product.
    /// </summary>
    public Tensor Forward(Tensor x, BatchCondition? batch)
    {
        // In place, both ways: the linear layer's backward needs x and its weights, not its output.
        if (batch is null || condition is null) return input.forward(x);
        if (batch.MatrixGiven && conditionWidth <= DenseProductWidth) return input.forward(x).addmm_(batch.Dense, condition);
        var active = batch.Active;
        var y = input.forward(x);
        var added = condition.index_select(0, active.Columns);
        if (active.Values is not null) added = added * active.Values;
        // One entry per row adds row for row, the same sums as index_add_ without its index sort.
        return active.OnePerRow ? y.add_(added, TorchScalars.One) : y.index_add_(0, active.Rows, added, TorchScalars.One);
    }
}

using GanEstimators.Networks;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Networks;

[TestClass]
public sealed class ActiveConditionsTests
{
    // Rows with a label and a category, a label only, nothing, and two fixed categories.
    private static readonly long[] Rows = { 0, 0, 1, 3, 3, 3 };
    private static readonly long[] Columns = { 1, 4, 0, 2, 3, 5 };

    private static Tensor Dense()
    {
        var dense = zeros(4, 6);
        for (var i = 0; i < Rows.Length; i++) dense[Rows[i], Columns[i]] = tensor(1f);
        return dense;
    }

    private static BatchCondition Entries(ActiveConditions entries, long rows, long width) => BatchCondition.OfEntries(entries, rows, width);

    [TestMethod]
    public void EntriesGivenDirectlyMakeTheSameDenseMatrix()
    {
        using var active = ActiveConditions.OfOnes(Rows, Columns, CPU);
        Assert.IsTrue(Dense().eq(active.ToDense(4, 6)).all().item<bool>());
    }

    [TestMethod]
    public void ALayerGivesBitIdenticalOutputFromEntriesAndFromTheDenseMatrix()
    {
        random.manual_seed(5);
        using var layer = new ConditionedLinear("layer", 3, 6, 8);
        var x = randn(4, 3);
        using var fromDense = ActiveConditions.Of(Dense());
        using var given = ActiveConditions.OfOnes(Rows, Columns, CPU);
        Assert.IsTrue(layer.Forward(x, Entries(fromDense, 4, 6)).eq(layer.Forward(x, Entries(given, 4, 6))).all().item<bool>());
    }

    [TestMethod]
    public void ABatchConditionGivesTheEntriesOutputBitForBitAndTheirGradientsAtAnyWidth()
    {
        // Narrow conditions are added as a product with the 0/1 matrix, wide ones by their entries (DenseProductWidth).
        foreach (var (width, perRow) in new[] { (5, 1), (ConditionedLinear.DenseProductWidth, 2), (ConditionedLinear.DenseProductWidth + 4, 2) })
        {
            random.manual_seed(7);
            const int rows = 64;
            using var layer = new ConditionedLinear("layer", 3, width, 8);
            var part = width / perRow;
            var columns = stack(Enumerable.Range(0, perRow).Select(e => randint(part, new long[] { rows }) + e * part).ToArray(), 1);
            var dense = zeros(rows, width).scatter_(1, columns, ones(rows, perRow));
            var x = randn(rows, 3).requires_grad_(true);
            using var entries = ActiveConditions.Of(dense);
            var expected = layer.Forward(x, Entries(entries, rows, width));
            var actual = layer.Forward(x, BatchCondition.OfMatrix(dense, onePerRow: perRow == 1));
            Assert.IsTrue(expected.eq(actual).all().item<bool>(), $"same output (width {width})");
            var inputs = layer.parameters().Prepend(x).ToArray();
            var expectedGradients = autograd.grad(new[] { expected.pow(2).sum() }, inputs);
            var actualGradients = autograd.grad(new[] { actual.pow(2).sum() }, inputs);
            // The condition's weight rows sum their rows' gradients in another order through a product: equal to rounding.
            for (var i = 0; i < inputs.Length; i++)
                Assert.IsTrue(expectedGradients[i].allclose(actualGradients[i], rtol: 1e-5, atol: 1e-6), $"same gradient {i} (width {width})");
        }
    }

    [TestMethod]
    public void ZeroOneEntriesGiveBitIdenticalOutputAndGradientsToTheGeneralOnes()
    {
        var labels = zeros(5, 6);
        foreach (var (row, column) in new[] { (0, 2), (1, 0), (2, 5), (3, 2), (4, 1) }) labels[row, column] = tensor(1f);
        foreach (var (dense, onePerRow) in new[] { (Dense(), false), (labels, true), (labels, false) })
        {
            random.manual_seed(5);
            using var layer = new ConditionedLinear("layer", 3, 6, 8);
            var x = randn(dense.shape[0], 3).requires_grad_(true);
            using var general = ActiveConditions.Of(dense);
            using var ones = ActiveConditions.OfOnes(dense, onePerRow);
            Assert.AreEqual(onePerRow, ones.OnePerRow);
            var expected = layer.Forward(x, Entries(general, dense.shape[0], 6));
            var actual = layer.Forward(x, Entries(ones, dense.shape[0], 6));
            Assert.IsTrue(expected.eq(actual).all().item<bool>(), $"same output (one per row: {onePerRow})");
            var inputs = layer.parameters().Prepend(x).ToArray();
            var expectedGradients = autograd.grad(new[] { expected.pow(2).sum() }, inputs);
            var actualGradients = autograd.grad(new[] { actual.pow(2).sum() }, inputs);
            for (var i = 0; i < inputs.Length; i++)
                Assert.IsTrue(expectedGradients[i].eq(actualGradients[i]).all().item<bool>(), $"same gradient {i} (one per row: {onePerRow})");
        }
    }
}

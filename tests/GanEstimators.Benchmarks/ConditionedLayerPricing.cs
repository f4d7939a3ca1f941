using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Benchmarks;

/// <summary>
/// <c>--price-conditioned</c>: thread CPU time of a conditioned first layer's forward and backward (input 64, output
/// 256; 256 rows, or 50 PacGAN packs of 10 rows) at several condition widths, with the condition's weight rows added entry by entry (what
/// <c>ConditionedLinear</c> does for wide conditions and in sampling: index_select, then add_ for one entry per row or
/// index_add_ for more) against one dense product with the 0/1 condition matrix (addmm_, what it does for narrow ones in
/// training), and against the hand loop's way: one product over the input concatenated with the matrix. Where the
/// product is cheaper, a narrow condition should take it. The third of three rounds is printed.
/// </summary>
public static class ConditionedLayerPricing
{
    public static void Run(int iterations)
    {
        // A label or a conditional vector on 256-row batches, then PacGAN packs of 10 (50 packed rows of 10 entries).
        var cases = new[] { 1, 2 }
            .SelectMany(e => new[] { 2, 5, 10, 20, 50, 100, 200, 500 }.Where(w => w >= 2 * e).Select(w => (Rows: 256, Entries: e, Width: w)))
            .Concat(new[] { 20, 50, 100, 200 }.Select(w => (Rows: 50, Entries: 10, Width: w)));
        const int input = 64, output = 256;
        random.manual_seed(0);
        using var weight = randn(output, input).requires_grad_(true);
        Console.WriteLine($"{"rows",6} {"condition width",16} {"entries/row",12} {"entries µs",12} {"addmm_ µs",12} {"ratio",8} {"cat µs",12}");
        foreach (var (rows, entriesPerRow, width) in cases)
        {
            using var x = randn(rows, input);
            using var outputGradient = randn(rows, output);
            using var scope = NewDisposeScope();
            // Entry e of a row lies in the e-th part of the width, as a label's one-hot and a conditional vector do.
            var part = width / entriesPerRow;
            var columns = stack(Enumerable.Range(0, entriesPerRow).Select(e => randint(part, new long[] { rows }) + e * part).ToArray(), 1);
            var dense = zeros(rows, width).scatter_(1, columns, ones(rows, entriesPerRow));
            var flatColumns = columns.reshape(-1);
            var flatRows = arange(rows, int64).repeat_interleave(entriesPerRow);
            var conditionWeight = randn(width, output).requires_grad_(true);
            var catWeight = randn(output, input + width).requires_grad_(true);
            void Layer(Variant variant)
            {
                var h = variant switch
                {
                    Variant.Cat => F.linear(cat(new[] { x, dense }, 1), catWeight),
                    Variant.Product => F.linear(x, weight).addmm_(dense, conditionWeight),
                    _ when entriesPerRow == 1 => F.linear(x, weight).add_(conditionWeight.index_select(0, flatColumns)),
                    _ => F.linear(x, weight).index_add_(0, flatRows, conditionWeight.index_select(0, flatColumns), 1.0),
                };
                h.mul(outputGradient).sum().backward();
                foreach (var parameter in new[] { weight, conditionWeight, catWeight }) parameter.grad?.zero_();
            }
            var times = new double[3];
            for (var round = 0; round < 3; round++)
                foreach (var variant in Enum.GetValues<Variant>())
                {
                    var start = ThreadClock.Seconds();
                    for (var i = 0; i < iterations; i++)
                    {
                        using var step = NewDisposeScope();
                        Layer(variant);
                    }
                    times[(int)variant] = (ThreadClock.Seconds() - start) / iterations * 1e6;
                }
            Console.WriteLine($"{rows,6} {width,16} {entriesPerRow,12} {times[0],12:F1} {times[1],12:F1} {times[1] / times[0],8:F2} {times[2],12:F1}");
        }
    }

    private enum Variant { Entries, Product, Cat }
}

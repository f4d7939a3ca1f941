using static TorchSharp.torch;

namespace GanEstimators.Benchmarks;

/// <summary>
/// <c>--price-ops</c>: thread CPU time of single operations, each in its own dispose scope, on the hand loop's networks
/// after one step — the bookkeeping the trainer adds per step (‖∇G‖ three ways, detaches) and the kernels a conditioned
/// layer runs on 256 × 256 (index_add_ against add_, index_select, addmm_ and their backward; whole layers:
/// <see cref="ConditionedLayerPricing"/>). The third of three rounds is printed.
/// </summary>
public static class OpPricing
{
    public static void Run(Config config, int iterations)
    {
        using var loop = new HandLoop(config);
        using var inputs = NewDisposeScope();
        loop.Step(Bookkeeping.None);
        var parameters = loop.GeneratorParameters;
        var loss = randn(1).squeeze();
        var y = randn(256, 256);
        var table = randn(5, 256);
        var cols = randint(5, new long[] { 256 });
        var rows = arange(256L);
        var src = randn(256, 256);
        var grad = randn(256, 256);
        var oneHot = randn(256, 5);
        var labels = nn.functional.one_hot(cols, 5).to(float32);
        var cases = new (string, Action)[]
        {
            ("index_add_ 256x256 (rows = arange)", () => y.index_add_(0, rows, src, 1.0)),
            ("add_ 256x256", () => y.add_(src)),
            ("index_select 5x256 -> 256x256", () => table.index_select(0, cols)),
            ("zeros(5,256).index_add_(cols, grad) (index_select backward)", () => zeros(5, 256).index_add_(0, cols, grad, 1.0)),
            ("grad.index_select(rows) (index_add backward)", () => grad.index_select(0, rows)),
            ("matmul 256x5 @ 5x256", () => matmul(oneHot, table)),
            ("y.addmm_(onehot 256x5, 5x256)", () => y.addmm_(labels, table)),
            ("labels^T @ grad (addmm_ backward)", () => labels.t().mm(grad)),
            ("empty scope", () => { }),
            ("flat cat norm", () => loop.FlatGradientNorm()),
            ("reshape-cat-norm (library)", () => { using var _ = no_grad(); cat(parameters.Select(p => p.grad!.reshape(-1)).ToArray()).norm(); }),
            ("clip_grad_norm_(inf)", () => nn.utils.clip_grad_norm_(parameters, double.PositiveInfinity)),
            ("one detach", () => loss.detach()),
            ("one detach + DetachFromDisposeScope + dispose", () => loss.detach().DetachFromDisposeScope().Dispose()),
            ("p.grad of every generator parameter", () => { foreach (var p in parameters) _ = p.grad; }),
            ("no_grad enter/exit", () => { using var _ = no_grad(); }),
            ("stack 3 scalars", () => stack(new[] { loss, loss, loss })),
        };
        for (var round = 0; round < 3; round++)
            foreach (var (name, action) in cases)
            {
                var start = ThreadClock.Seconds();
                for (var i = 0; i < iterations; i++)
                {
                    using var scope = NewDisposeScope();
                    action();
                }
                var us = (ThreadClock.Seconds() - start) / iterations * 1e6;
                if (round == 2) Console.WriteLine($"{name,-50} {us,8:F2} µs");
            }
    }
}

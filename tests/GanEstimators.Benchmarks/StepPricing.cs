namespace GanEstimators.Benchmarks;

/// <summary>
/// Prices each piece of the trainer's bookkeeping per step: one hand loop runs short blocks of steps with each
/// bookkeeping level in turn (ABBA order), timed in thread CPU time; the fastest block of each level is its cost
/// with the least interference from the rest of the machine.
/// </summary>
public static class StepPricing
{
    private static readonly (string Name, Bookkeeping Kind)[] Levels =
    {
        ("bare step", Bookkeeping.None),
        ("+ gradient norm", Bookkeeping.GradientNorm),
        ("+ metrics (EpochMeter.Add)", Bookkeeping.GradientNorm | Bookkeeping.Metrics),
        ("+ accuracy (= trainer's step)", Bookkeeping.All),
        ("suggested: fewer kernels", Bookkeeping.Lean),
        ("suggested: reduce once per epoch", Bookkeeping.Deferred),
    };

    public static List<string[]> Run(Config config, int blocks, int stepsPerBlock)
    {
        using var loop = new HandLoop(config);
        var times = Levels.ToDictionary(l => l.Kind, _ => new List<double>());
        for (var block = -2; block < blocks; block++)
        {
            foreach (var (_, kind) in block % 2 == 0 ? Levels : Levels.Reverse())
            {
                var start = ThreadClock.Seconds();
                for (var s = 0; s < stepsPerBlock; s++)
                {
                    using var scope = TorchSharp.torch.NewDisposeScope();
                    loop.Step(kind);
                }
                if (block >= 0) times[kind].Add((ThreadClock.Seconds() - start) / stepsPerBlock);
                if (kind == Bookkeeping.Deferred) loop.ReduceKept(); // once per epoch, not per step: untimed here, included by --profile

            }
        }
        var bare = times[Bookkeeping.None].Min();
        var previous = bare;
        var rows = new List<string[]>();
        foreach (var (name, kind) in Levels)
        {
            var best = times[kind].Min();
            var sorted = times[kind].Order().ToArray();
            var cumulative = kind is not Bookkeeping.None and not Bookkeeping.Lean and not Bookkeeping.Deferred;
            rows.Add(new[]
            {
                config.Name, name, Us(best), Us(sorted[sorted.Length / 2]),
                kind == Bookkeeping.None ? "" : $"{(cumulative ? best - previous : best - bare) * 1e6:+0;-0}",
                ((best / bare - 1) * 100).ToString("+0.0;-0.0") + " %",
            });
            if (cumulative) previous = best;
        }
        return rows;
    }

    private static string Us(double seconds) => (seconds * 1e6).ToString("F0");
}

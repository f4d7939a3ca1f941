using System.CommandLine;

namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest train --lr-schedule constant|linear|cosine --lr-decay-epochs N</c>: <see cref="GanTrainer.Options.LearningRateSchedule"/>.</summary>
internal static class LearningRateScheduleOption
{
    public static readonly IReadOnlyDictionary<string, GanLearningRateSchedule> ByName = new Dictionary<string, GanLearningRateSchedule>(StringComparer.OrdinalIgnoreCase)
    {
        ["constant"] = GanLearningRateSchedule.Constant,
        ["linear"] = GanLearningRateSchedule.Linear,
        ["cosine"] = GanLearningRateSchedule.Cosine,
    };

    public static Option<string?> Schedule() => new("--lr-schedule")
    {
        Description = "How both networks' learning rates change: constant, or linear or cosine decay towards zero over the last --lr-decay-epochs epochs; without it, chosen from the table (printed): constant with categories, linear over the second half for an all-numeric table",
    };

    public static Option<int?> DecayEpochs() => new("--lr-decay-epochs")
    {
        Description = "The epochs at the end of training over which --lr-schedule linear or cosine decays (default: all of them, or the second half where the schedule is chosen); at most --epochs",
    };

    /// <summary>The schedule named <paramref name="name"/> (null: left to the table's schedule); the library checks the decay epochs (TrainCommand words its errors).</summary>
    public static GanLearningRateSchedule? Parse(string? name) =>
        name is null ? null
        : ByName.TryGetValue(name, out var schedule) ? schedule
        : throw new ArgumentException($"--lr-schedule '{name}' is not known; use one of {string.Join(", ", ByName.Keys)}.");
}

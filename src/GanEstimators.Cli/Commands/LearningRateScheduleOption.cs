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

    public static Option<string> Schedule() => new("--lr-schedule")
    {
        Description = "How both networks' learning rates change: constant (default), or linear or cosine decay towards zero over the last --lr-decay-epochs epochs",
        DefaultValueFactory = _ => "constant",
    };

    public static Option<int?> DecayEpochs() => new("--lr-decay-epochs")
    {
        Description = "The epochs at the end of training over which --lr-schedule linear or cosine decays (default: all of them); at most --epochs",
    };

    /// <summary>The schedule and its decay epochs, checked in the command line's terms against the epochs to train.</summary>
    public static (GanLearningRateSchedule Schedule, int? DecayEpochs) Parse(string name, int? decayEpochs, int epochs)
    {
        if (!ByName.TryGetValue(name, out var schedule))
            throw new ArgumentException($"--lr-schedule '{name}' is not known; use one of {string.Join(", ", ByName.Keys)}.");
        if (decayEpochs is null) return (schedule, null);
        if (schedule == GanLearningRateSchedule.Constant)
            throw new ArgumentException("--lr-decay-epochs needs --lr-schedule linear or cosine: a constant schedule does not decay.");
        if (decayEpochs < 1) throw new ArgumentException($"--lr-decay-epochs must be positive; got {decayEpochs}.");
        if (decayEpochs > epochs)
            throw new ArgumentException($"--lr-decay-epochs ({decayEpochs}) is more than the {epochs} epochs to train; give at most {epochs}.");
        return (schedule, decayEpochs);
    }
}

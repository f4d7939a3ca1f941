namespace GanEstimators.Training;

/// <summary>
/// The learning rates of every epoch of a run: the base rates times <see cref="Factor"/>, which depends only on the
/// epoch's number and the options. The schedule ends at <see cref="LastEpoch"/> (the options'
/// <see cref="GanTrainer.Options.LearningRateScheduleEpochs"/>, else the last epoch this run trains) and decays over its
/// last <see cref="DecayEpochs"/> epochs; with LearningRateScheduleEpochs set, a run of N epochs and a run of k epochs
/// resumed for N − k more train at the same rates (without it, each run's schedule ends at its own last epoch).
/// </summary>
internal sealed record LearningRateSchedule(GanLearningRateSchedule Kind, int LastEpoch, int DecayEpochs)
{
    public static readonly LearningRateSchedule Constant = new(GanLearningRateSchedule.Constant, 0, 0);

    public bool IsConstant => Kind == GanLearningRateSchedule.Constant;

    /// <summary>
    /// The schedule for a run that trains <see cref="GanTrainer.Options.Epochs"/> epochs after
    /// <paramref name="trainedEpochs"/> already trained (those of a resumed sampler's history), checked against it.
    /// </summary>
    public static LearningRateSchedule Resolve(GanTrainer.Options options, int trainedEpochs)
    {
        if (options.LearningRateSchedule == GanLearningRateSchedule.Constant) return Constant;
        var runEnds = trainedEpochs + options.Epochs;
        var lastEpoch = options.LearningRateScheduleEpochs ?? runEnds;
        if (options.Epochs > 0 && runEnds > lastEpoch)
            throw new ArgumentException(
                $"GanTrainer.Options.{nameof(options.LearningRateScheduleEpochs)} ({lastEpoch}) ends the {options.LearningRateSchedule} schedule before this run's last epoch ({runEnds}" +
                (trainedEpochs > 0 ? $": {trainedEpochs} already trained + {options.Epochs}" : "") +
                $"); give at least {runEnds}, or leave it null to end the schedule with this run.", nameof(options.LearningRateScheduleEpochs));
        var decay = options.LearningRateDecayEpochs ?? lastEpoch;
        if (decay > lastEpoch) throw DecayTooLong(decay, lastEpoch);
        return new LearningRateSchedule(options.LearningRateSchedule, lastEpoch, decay);
    }

    /// <summary>The error for a decay of <paramref name="decayEpochs"/> in a schedule of <paramref name="scheduleEpochs"/> epochs.</summary>
    public static ArgumentException DecayTooLong(int decayEpochs, int scheduleEpochs) =>
        OptionRuleError.Create(OptionRuleError.DecayLongerThanSchedule,
            $"GanTrainer.Options.{nameof(GanTrainer.Options.LearningRateDecayEpochs)} ({decayEpochs}) is longer than the schedule's {scheduleEpochs} epochs; give at most {scheduleEpochs}, or null to decay over the whole schedule.",
            nameof(GanTrainer.Options.LearningRateDecayEpochs));

    /// <summary>The share of the base rates epoch <paramref name="epoch"/> (1-based, counted across resumed runs) trains at.</summary>
    public double Factor(int epoch)
    {
        var k = epoch - (LastEpoch - DecayEpochs);
        if (IsConstant || k <= 0) return 1;
        var progress = (double)Math.Min(k, DecayEpochs + 1) / (DecayEpochs + 1);
        return Kind == GanLearningRateSchedule.Linear ? 1 - progress : (1 + Math.Cos(Math.PI * progress)) / 2;
    }

    /// <summary>Sets both optimisers to epoch <paramref name="epoch"/>'s rates and returns them; a constant schedule leaves the optimisers untouched.</summary>
    public (double Generator, double Discriminator) Apply(int epoch, OptimizerSettings rates, TorchSharp.torch.optim.Optimizer generator, TorchSharp.torch.optim.Optimizer discriminator)
    {
        if (IsConstant) return (rates.LearningRate, rates.DiscriminatorLearningRate);
        var factor = Factor(epoch);
        var scheduled = (rates.LearningRate * factor, rates.DiscriminatorLearningRate * factor);
        OptimizerSettings.SetRate(generator, scheduled.Item1);
        OptimizerSettings.SetRate(discriminator, scheduled.Item2);
        return scheduled;
    }
}

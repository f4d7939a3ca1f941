using System.CommandLine;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using GanEstimators.Training;
using Microsoft.ML;
using Spectre.Console;

namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest train</c>: infer the CSV's columns, train a (conditional) GAN with a progress bar, save the model.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Training CSV with a header row, or a Parquet file (.parquet) or directory of parts", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the model (.zip)", Required = true };
        var condition = new Option<string?>("--condition-column") { Description = "Column to condition on (read as text)" };
        var discrete = new Option<string?>("--discrete") { Description = "Comma-separated columns to treat as categorical" };
        var ignore = new Option<string?>("--ignore") { Description = "Comma-separated columns to leave out of the model" };
        var loss = new Option<string>("--loss") { Description = $"One of {string.Join(", ", LossNames.ByName.Keys)}", DefaultValueFactory = _ => "wgan-gp" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs; without it, chosen from the table (printed): with categories enough for 3,000 steps (at least 300 epochs), stopping early when held-out quality stops improving; all-numeric 6,000 steps" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per batch; without it, chosen from the table (printed): CTGAN's 500 with categories, a 25th of the rows (50 to 500) for an all-numeric table" };
        var pac = new Option<int?>("--pac") { Description = "PacGAN packing: the discriminator judges M rows at once; without it, chosen from the table (printed): 1 with categories, 2 for an all-numeric table (CTGAN uses 10)" };
        var discriminatorSteps = new Option<int?>("--discriminator-steps", "--critic-steps") { Description = "Discriminator updates per generator update (default: the loss's own, 5 for the Wasserstein losses and hinge)" };
        var average = new Option<double>("--average") { Description = "Sample from an exponential moving average of the generator's weights with this decay, e.g. 0.999 (default 0: off)" };
        var frequencyWeight = new Option<double>("--frequency-weight") { Description = "Weight of the loss that matches each class's category and mixture-mode frequencies to the real rows' (default 0: off; 1 is typical)" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var uniformRows = new Option<bool>("--uniform-rows") { Description = "Draw training rows uniformly instead of drawing the condition column's classes by log-frequency" };
        var continuous = new Option<bool>("--continuous") { Description = "Keep generated numbers continuous instead of moving them to the nearest training value in columns whose values repeat (a grid)" };
        var noDateCycles = new Option<bool>("--no-date-cycles") { Description = "Encode dates as day counts only, without their place in the year and day" };
        var noPointMasses = new Option<bool>("--no-point-masses") { Description = "Give no value its own exact mode, even one that holds 10 % or more of a numeric column (such as zero rainfall)" };
        var threads = new Option<int?>("--threads") { Description = "libtorch CPU threads (default: one fewer than the processors this process may use, at least 1, so that one other busy process does not stall training)" };
        var maxTrainingRows = new Option<long?>("--max-training-rows") { Description = "Train on a uniform sample of at most this many rows, drawn in one pass over the CSV (for files too large to hold in memory); default: every row" };
        var separator = SeparatorOption.Create();
        var gpu = new Option<int?>("--gpu") { Description = "Train on this CUDA device (MLContext.GpuDeviceId, no CPU fallback); needs ganest built with a TorchSharp CUDA backend: the tool package ships the CPU libtorch" };
        var constraint = new Option<string[]>("--constraint") { Description = ConstraintOption.Description, AllowMultipleArgumentsPerToken = false };
        var lrSchedule = LearningRateScheduleOption.Schedule();
        var lrDecayEpochs = LearningRateScheduleOption.DecayEpochs();
        var command = new Command("train", "Train a GAN on a CSV file") { data, model, condition, discrete, ignore, loss, epochs, batchSize, pac, discriminatorSteps, average, frequencyWeight, seed, threads, maxTrainingRows, uniformRows, continuous, noDateCycles, noPointMasses, gpu, separator, constraint, lrSchedule, lrDecayEpochs };
        command.SetAction(parsed => Run(SeparatorOption.Parse(parsed.GetValue(separator)), parsed.GetValue(threads), parsed.GetValue(maxTrainingRows), parsed.GetValue(gpu), ConstraintOption.Parse(parsed.GetValue(constraint)),
            (parsed.GetValue(lrSchedule), parsed.GetValue(lrDecayEpochs)),
            new Switches(parsed.GetValue(uniformRows), parsed.GetValue(continuous), parsed.GetValue(noDateCycles), parsed.GetValue(noPointMasses)),
            parsed.GetValue(data)!, parsed.GetValue(model)!, parsed.GetValue(condition), List(parsed.GetValue(discrete)), List(parsed.GetValue(ignore)),
            LossNames.Parse(parsed.GetValue(loss)!), parsed.GetValue(epochs), parsed.GetValue(batchSize), parsed.GetValue(pac), parsed.GetValue(discriminatorSteps), parsed.GetValue(average), parsed.GetValue(frequencyWeight), parsed.GetValue(seed)));
        return command;
    }

    /// <summary>The on/off options that turn library defaults off.</summary>
    private readonly record struct Switches(bool UniformRows, bool Continuous, bool NoDateCycles, bool NoPointMasses);

    private static int Run(char? separatorGiven, int? threads, long? maxTrainingRows, int? gpu, GanConstraint[] constraints, (string? Name, int? DecayEpochs) lrSchedule, Switches switches, string dataPath, string modelPath, string? conditionColumn, string[] discrete, string[] ignore, GanLoss loss, int? epochs, int? batchSize, int? pac, int? discriminatorSteps, double average, double frequencyWeight, int seed)
    {
        var forcedText = discrete.Concat(conditionColumn is null ? Array.Empty<string>() : new[] { conditionColumn }).ToHashSet();
        var parquet = DataFile.IsParquet(dataPath) ? ParquetTable.Load(dataPath, "--data") : null;
        var (inferred, rows, separator) = parquet is null ? CsvSchemaInference.Infer(dataPath, "--data", forcedText, separatorGiven) : ParquetTable.Describe(parquet);
        foreach (var name in forcedText.Concat(ignore).Where(n => inferred.All(c => c.Name != n)))
            throw new ArgumentException($"Column '{name}' is not in the header of '{dataPath}'.");
        var columns = inferred.Where(c => !ignore.Contains(c.Name)).ToArray();

        if (gpu is not null) DeviceSupport.RequireCuda(gpu.Value);
        var ml = new MLContext(seed) { GpuDeviceId = gpu, FallbackToCpu = false };
        // The schedule counts the rows the trainer will see: with --max-training-rows, its sample, not the whole file.
        var trainingRows = maxTrainingRows is { } most && most > 0 && most < rows ? most : rows;
        var schedule = ChooseSchedule(ml, columns, conditionColumn, parquet is not null && discrete.Length > 0, trainingRows, epochs, batchSize, pac,
            LearningRateScheduleOption.Parse(lrSchedule.Name), lrSchedule.DecayEpochs);
        var options = new GanTrainer.Options
        {
            FeatureColumnNames = columns.Where(c => c.Name != conditionColumn).Select(c => c.Name).ToArray(),
            ConditionColumnName = conditionColumn,
            CategoricalColumnNames = parquet is null ? Array.Empty<string>() : ParquetTable.CategoricalIntegers(parquet, discrete.Where(d => d != conditionColumn && !ignore.Contains(d))),
            Loss = loss,
            Epochs = schedule.Epochs,
            LearningRateSchedule = schedule.LearningRateSchedule,
            LearningRateDecayEpochs = schedule.LearningRateDecayEpochs,
            // This run trains the schedule's epochs from scratch, so the decay is checked against them before training.
            LearningRateScheduleEpochs = schedule.LearningRateSchedule == GanLearningRateSchedule.Constant || schedule.Epochs == 0 ? null : schedule.Epochs,
            BatchSize = schedule.BatchSize,
            PacSize = schedule.PacSize,
            DiscriminatorSteps = discriminatorSteps,
            GeneratorAverageDecay = average,
            FrequencyMatchingWeight = frequencyWeight,
            BalanceConditionClasses = !switches.UniformRows,
            NumberOfThreads = threads,
            MaxTrainingRows = maxTrainingRows,
            Constraints = constraints,
            ModeSpecific =
            {
                SnapToObservedValues = !switches.Continuous,
                EncodeDateCycles = !switches.NoDateCycles,
                PointMassShare = switches.NoPointMasses ? 0 : GanTrainer.Defaults.PointMassShare,
            },
            EarlyStopping = schedule.EarlyStopping,
        };
        LibraryChecks.Run(() => OptionsValidator.Validate(options),
            new[]
            {
                (nameof(options.GeneratorAverageDecay), "--average"), (nameof(options.FrequencyMatchingWeight), "--frequency-weight"),
                (nameof(options.Epochs), "--epochs"), (nameof(options.BatchSize), "--batch-size"), (nameof(options.PacSize), "--pac"), (nameof(options.DiscriminatorSteps), "--discriminator-steps"),
                (nameof(options.NumberOfThreads), "--threads"), (nameof(options.MaxTrainingRows), "--max-training-rows"),
                (nameof(options.LearningRateDecayEpochs), "--lr-decay-epochs"),
            },
            (OptionRuleError.ConstantScheduleDecays, "--lr-decay-epochs needs --lr-schedule linear or cosine: a constant schedule does not decay."),
            (OptionRuleError.DecayLongerThanSchedule, $"--lr-decay-epochs ({lrSchedule.DecayEpochs}) is more than the {schedule.Epochs} epochs to train; give at most {schedule.Epochs}."),
            (OptionRuleError.NoFeatureColumns, $"No columns of '{dataPath}' are left to generate{(ignore.Length > 0 ? " after --ignore" : "")}{(conditionColumn is null ? "" : " besides --condition-column")}; keep at least one."));
        Console.WriteLine(schedule.Description); // not wrapped at the console width, so a script can find it
        using var output = OutputFile.Reserve(modelPath, "--model", ("--data", dataPath));
        var loader = parquet is null ? CsvLoading.Loader(ml, columns, separator) : null;
        var trainingData = loader?.Load(dataPath) ?? parquet!;

        GanSampler sampler = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"Training ({loss}, {(trainingRows < rows ? $"{trainingRows:N0} of {rows:N0}" : $"{rows:N0}")} rows)", maxValue: options.Epochs);
                options.ProgressCallback = metrics =>
                {
                    task.Increment(1);
                    task.Description = $"Epoch {metrics.Epoch}/{options.Epochs}: D {metrics.DiscriminatorLoss:G3}, G {metrics.GeneratorLoss:G3}";
                };
                sampler = ml.Gan().Trainer(options).Fit(trainingData);
                task.Value = task.MaxValue;
            });

        using var trained = sampler;
        output.Writing(path =>
        {
            if (loader is null) ml.Model.Save(sampler, trainingData.Schema, path);
            else ml.Model.Save(sampler, loader, path);
            CsvFormat.AppendTo(path, columns);
            return path;
        });
        output.Commit();

        var history = sampler.History;
        AnsiConsole.MarkupLine($"Trained {history.Epochs.Count} epochs{(history.StoppedEarly ? $" (stopped early; kept epoch {history.SelectedEpoch})" : "")} → [green]{Markup.Escape(modelPath)}[/]");
        foreach (var diagnosis in history.Diagnoses)
            AnsiConsole.MarkupLine($"[yellow]Training doctor:[/] {Markup.Escape(diagnosis.ToString())}");
        return 0;
    }

    /// <summary>
    /// Batch size, epochs, packing, early stopping and learning-rate schedule from the table (GanTrainingSchedule; written to the MLContext log and
    /// printed): the given options win. A table is all-numeric when no column is text (or --discrete) and there is no condition.
    /// </summary>
    private static GanTrainingSchedule ChooseSchedule(MLContext ml, IEnumerable<CsvColumn> columns, string? conditionColumn, bool discreteIntegers, long rows, int? epochs, int? batchSize, int? pac,
        GanLearningRateSchedule? learningRateSchedule, int? decayEpochs)
    {
        GanTrainingSchedule schedule = null!;
        LibraryChecks.Run(() => schedule = ml.Gan().ChooseSchedule(new GanScheduleRequest
            {
                Rows = (int)Math.Clamp(rows, 1, int.MaxValue),   // past 2³¹ rows the schedule is that of 2³¹
                AllNumeric = conditionColumn is null && !discreteIntegers && columns.All(c => c.Kind != CsvColumnKind.Text),
                Epochs = epochs,
                BatchSize = batchSize,
                PacSize = pac,
                LearningRateSchedule = learningRateSchedule,
                LearningRateDecayEpochs = decayEpochs,
            }),
            new[]
            {
                (nameof(GanScheduleRequest.Epochs), "--epochs"), (nameof(GanScheduleRequest.BatchSize), "--batch-size"), (nameof(GanScheduleRequest.PacSize), "--pac"),
                (nameof(GanScheduleRequest.LearningRateDecayEpochs), "--lr-decay-epochs"),
            });
        return schedule;
    }

    private static string[] List(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Array.Empty<string>();
}

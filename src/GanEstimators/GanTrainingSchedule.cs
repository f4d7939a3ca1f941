namespace GanEstimators;

/// <summary>
/// What <see cref="GanTrainingSchedule.Choose"/> knows of a table: its rows, whether it has categories, and the
/// settings the user gave (null where the user left the choice to the schedule; a given setting always wins).
/// </summary>
public sealed class GanScheduleRequest
{
    /// <summary>Training rows.</summary>
    public required int Rows { get; init; }

    /// <summary>
    /// True when every generated column is numeric (numbers, whole numbers, dates) and there is no condition column:
    /// nothing is categorical. False when any column is a category or there is a condition column.
    /// </summary>
    public required bool AllNumeric { get; init; }

    /// <summary>Epochs the user gave; null lets the schedule choose them (and stop early).</summary>
    public int? Epochs { get; init; }

    /// <summary>Batch size the user gave; null lets the schedule choose it.</summary>
    public int? BatchSize { get; init; }

    /// <summary>PacGAN packing the user gave; null lets the schedule choose it.</summary>
    public int? PacSize { get; init; }

    /// <summary>Learning-rate schedule the user gave; null lets the schedule choose it.</summary>
    public GanLearningRateSchedule? LearningRateSchedule { get; init; }

    /// <summary>
    /// Epochs of learning-rate decay the user gave; null lets the schedule choose them when it chooses the learning-rate
    /// schedule too, and otherwise decays over every epoch.
    /// </summary>
    public int? LearningRateDecayEpochs { get; init; }
}

/// <summary>
/// How long, in what batches, with what packing and learning-rate decay a tabular GAN trains when the user leaves it open: the choice
/// <c>ganest train</c> makes from the table (and logs). Made by <see cref="Choose"/> or
/// <c>mlContext.Gan().ChooseSchedule</c>, which also writes <see cref="Description"/> to the MLContext log.
/// </summary>
/// <remarks>
/// <para>Tables with categories (or a condition column) train as CTGAN does: batches of <see cref="CategoricalBatchSize"/>,
/// no packing (on seattle-weather and penguins packing let through rows that break per-row rules between a category
/// and a number), at least <see cref="MinimumSteps"/> generator steps and 300 epochs, stopping early on held-out
/// quality from 300 rows on.</para>
/// <para>All-numeric tables (continuous mixtures, such as the mode-collapse lab's ring and grid) train with PacGAN
/// packing <see cref="NumericPacSize"/> and batches of a 25th of the rows (between <see cref="NumericMinimumBatchSize"/>
/// and <see cref="CategoricalBatchSize"/>), for <see cref="NumericSteps"/> generator steps, the learning rates decaying
/// linearly over the second half: sharp modes need many small steps more than large batches, packing is what keeps
/// every mode, and the decay is what narrows each mode to its real spread (BENCHMARKS.md, mode-collapse lab).</para>
/// </remarks>
/// <param name="BatchSize">Rows per batch (<see cref="GanTrainer.Options.BatchSize"/>).</param>
/// <param name="Epochs">Passes over the rows (<see cref="GanTrainer.Options.Epochs"/>).</param>
/// <param name="PacSize">PacGAN packing (<see cref="GanTrainer.Options.PacSize"/>).</param>
/// <param name="EarlyStopping">Early stopping, or null for none (<see cref="GanTrainer.Options.EarlyStopping"/>).</param>
/// <param name="LearningRateSchedule">How the learning rates change (<see cref="GanTrainer.Options.LearningRateSchedule"/>).</param>
/// <param name="LearningRateDecayEpochs">The epochs it decays over, or null for all (<see cref="GanTrainer.Options.LearningRateDecayEpochs"/>).</param>
/// <param name="Description">The choice in words, naming what was chosen and why.</param>
public sealed record GanTrainingSchedule(int BatchSize, int Epochs, int PacSize, GanEarlyStopping? EarlyStopping,
    GanLearningRateSchedule LearningRateSchedule, int? LearningRateDecayEpochs, string Description)
{
    /// <summary>Batch size of tables with categories (CTGAN's), and the largest chosen for all-numeric ones.</summary>
    public const int CategoricalBatchSize = 500;

    /// <summary>Fewest generator steps of a table with categories whose epochs are chosen.</summary>
    public const int MinimumSteps = 3000;

    /// <summary>Fewest epochs of a table with categories whose epochs are chosen (CTGAN's default).</summary>
    public const int MinimumEpochs = 300;

    /// <summary>Fewest rows for which early stopping holds some out (a table with categories whose epochs are chosen).</summary>
    public const int EarlyStoppingMinimumRows = 300;

    /// <summary>PacGAN packing of all-numeric tables.</summary>
    public const int NumericPacSize = 2;

    /// <summary>Smallest batch chosen for an all-numeric table.</summary>
    public const int NumericMinimumBatchSize = 50;

    /// <summary>Steps per epoch an all-numeric table's batch size aims at (the batch is this fraction of the rows).</summary>
    public const int NumericStepsPerEpoch = 25;

    /// <summary>Generator steps of an all-numeric table whose epochs are chosen.</summary>
    public const int NumericSteps = 6000;

    /// <summary>The schedule for <paramref name="request"/>: the user's settings where given, the rule's elsewhere.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Rows, or a given setting, is not positive (epochs: negative).</exception>
    public static GanTrainingSchedule Choose(GanScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rows < 1) throw OptionRangeError.Create(nameof(request.Rows), request.Rows, $"GanScheduleRequest.Rows must be positive (got {request.Rows}).", "positive");
        if (request.Epochs is < 0) throw OptionRangeError.Create(nameof(request.Epochs), request.Epochs, $"GanScheduleRequest.Epochs must be zero (an untrained baseline) or positive, or null to choose (got {request.Epochs}).", "zero (an untrained baseline) or positive");
        if (request.BatchSize is < 1) throw OptionRangeError.Create(nameof(request.BatchSize), request.BatchSize, $"GanScheduleRequest.BatchSize must be positive, or null to choose (got {request.BatchSize}).", "positive");
        if (request.LearningRateDecayEpochs is < 1) throw OptionRangeError.Create(nameof(request.LearningRateDecayEpochs), request.LearningRateDecayEpochs, $"GanScheduleRequest.LearningRateDecayEpochs must be positive, or null to choose (got {request.LearningRateDecayEpochs}).", "positive");
        if (request.PacSize is < 1) throw OptionRangeError.Create(nameof(request.PacSize), request.PacSize, $"GanScheduleRequest.PacSize must be positive, or null to choose (got {request.PacSize}).", "positive");
        return request.AllNumeric ? Numeric(request) : Categorical(request);
    }

    private static GanTrainingSchedule Categorical(GanScheduleRequest request)
    {
        var batch = request.BatchSize ?? CategoricalBatchSize;
        var steps = StepsPerEpoch(request.Rows, batch);
        var epochs = request.Epochs ?? Math.Max(MinimumEpochs, Ceiling(MinimumSteps, steps));
        var stopping = request.Epochs is null && request.Rows >= EarlyStoppingMinimumRows
            ? new GanEarlyStopping { EvaluateEveryEpochs = Math.Max(5, MinimumSteps / 30 / steps) }
            : null;
        var rates = request.LearningRateSchedule ?? GanLearningRateSchedule.Constant;
        return new GanTrainingSchedule(batch, epochs, request.PacSize ?? 1, stopping, rates, request.LearningRateDecayEpochs,
            Describe(request, batch, epochs, request.PacSize ?? 1, stopping, rates, request.LearningRateDecayEpochs,
                "a table with categories: CTGAN's batch, no packing, at least 3,000 steps"));
    }

    private static GanTrainingSchedule Numeric(GanScheduleRequest request)
    {
        var pac = request.PacSize ?? NumericPacSize;
        var batch = request.BatchSize ?? Math.Max(pac, Math.Clamp(request.Rows / NumericStepsPerEpoch, NumericMinimumBatchSize, CategoricalBatchSize) / pac * pac);
        var epochs = request.Epochs ?? Ceiling(NumericSteps, StepsPerEpoch(request.Rows, batch));
        var (rates, decay) = request.LearningRateSchedule is { } given ? (given, request.LearningRateDecayEpochs)
            : epochs < 2 ? (GanLearningRateSchedule.Constant, request.LearningRateDecayEpochs)
            : (GanLearningRateSchedule.Linear, request.LearningRateDecayEpochs ?? epochs / 2);
        return new GanTrainingSchedule(batch, epochs, pac, null, rates, decay,
            Describe(request, batch, epochs, pac, null, rates, decay,
                $"an all-numeric table: PacGAN {NumericPacSize}, batches of a {NumericStepsPerEpoch}th of the rows, {NumericSteps:N0} steps, a linear learning-rate decay over the second half"));
    }

    private static string Describe(GanScheduleRequest request, int batch, int epochs, int pac, GanEarlyStopping? stopping, GanLearningRateSchedule rates, int? decay, string rule)
    {
        var given = new (object? Value, string Name)[]
            {
                (request.BatchSize, "batch size"), (request.Epochs, "epochs"), (request.PacSize, "packing"),
                (request.LearningRateSchedule, "learning-rate schedule"), (request.LearningRateDecayEpochs, "decay epochs"),
            }
            .Where(g => g.Value is not null).Select(g => g.Name).ToArray();
        return $"Schedule for {request.Rows:N0} rows, {rule}: batch {batch}, {epochs} epochs ({epochs * StepsPerEpoch(request.Rows, batch):N0} generator steps), PacGAN {pac}" +
               (stopping is null ? ", no early stopping" : $", early stopping every {stopping.EvaluateEveryEpochs} epochs") +
               (rates == GanLearningRateSchedule.Constant ? ", constant learning rates"
                   : $", learning rates decaying ({rates.ToString().ToLowerInvariant()}) over the last {decay ?? epochs} epochs") +
               (given.Length == 0 ? "." : $"; {string.Join(", ", given)} as given.");
    }

    /// <summary>Sets <paramref name="options"/>' batch size, epochs, packing, early stopping and learning-rate schedule to this schedule's.</summary>
    public void ApplyTo(GanTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BatchSize = BatchSize;
        options.Epochs = Epochs;
        options.PacSize = PacSize;
        options.EarlyStopping = EarlyStopping;
        options.LearningRateSchedule = LearningRateSchedule;
        options.LearningRateDecayEpochs = LearningRateDecayEpochs;
    }

    /// <summary>Generator steps in one epoch of <paramref name="rows"/> rows in batches of <paramref name="batchSize"/> (the trainer's count).</summary>
    private static int StepsPerEpoch(int rows, int batchSize) => Math.Max(1, rows / batchSize);

    private static int Ceiling(int total, int per) => (total + per - 1) / per;
}

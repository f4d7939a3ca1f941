namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// Everything <see cref="GanTrainer"/> can be told. Optimiser settings left null take the defaults of the chosen
    /// <see cref="Loss"/>'s paper (see <see cref="GanLoss"/>).
    /// </summary>
    public sealed partial class Options
    {
        /// <summary>
        /// The columns to imitate. Required. Numeric scalars (Single, Double, integers) and DateTime columns are numeric;
        /// Text, Boolean and UInt32 key columns are categorical; known-size Single vectors are standardised slot by slot,
        /// except that a single vector of image pixels (see <see cref="GanArchitecture.Dcgan"/>) is scaled to [−1, 1] as a
        /// whole. Missing values (NaN, empty text, key 0) are modelled, not dropped.
        /// </summary>
        public string[] FeatureColumnNames { get; set; } = Array.Empty<string>();

        /// <summary>Integer feature columns to treat as categories (e.g. a code or a small count) rather than as numbers.</summary>
        public string[] CategoricalColumnNames { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Rules every generated row must follow, e.g. <c>new[] { GanConstraint.Inequality("temp_min", "temp_max") }</c>:
        /// see <see cref="GanConstraint"/> for each kind and how it is enforced. Saved with the model. The training rows
        /// must already follow them (an error names the rule and the first row that breaks it). Empty by default.
        /// </summary>
        public GanConstraint[] Constraints { get; set; } = Array.Empty<GanConstraint>();

        /// <summary>How numeric scalars are encoded. Default: <see cref="GanNumericEncoding.ModeSpecificNormalization"/>.</summary>
        public GanNumericEncoding NumericEncoding { get; set; } = Defaults.NumericEncoding;

        /// <summary>
        /// Most one-hot slots a categorical column may take. A column with more levels keeps the most frequent
        /// <c>MaxCategorySlots − 1</c> and pools the rest into one slot (decoded by their training frequencies). Default 500.
        /// </summary>
        public int MaxCategorySlots { get; set; } = Defaults.MaxCategorySlots;

        /// <summary>
        /// Trains on a uniform sample of at most this many rows of the input, drawn in one streaming pass (a reservoir
        /// sample seeded by the training seed), so a data view too large to hold in memory can still be trained on; the
        /// training log says how many rows were read and kept. Null (the default) trains on every row.
        /// </summary>
        public long? MaxTrainingRows { get; set; }

        /// <summary>
        /// Most rows the mode-specific encoders fit their Gaussian mixtures and point masses to: a table with more rows
        /// fits them to a seeded uniform sample of this many rows (minimum, maximum, missing values, dates' grid,
        /// observed values and category counts still come from every row). A table with at most this many rows is
        /// fitted on all of them, as before. Default 100,000.
        /// </summary>
        public int EncoderFittingRows { get; set; } = Defaults.EncoderFittingRows;

        /// <summary>The generator's network family. Default <see cref="GanArchitecture.Auto"/>.</summary>
        public GanArchitecture Architecture { get; set; } = Defaults.Architecture;

        /// <summary>
        /// Settings of mode-specific normalization (<see cref="GanNumericEncoding.ModeSpecificNormalization"/>, the
        /// default <see cref="NumericEncoding"/>): <c>ModeSpecific = { PointMassShare = 0 }</c>.
        /// </summary>
        public ModeSpecificOptions ModeSpecific { get => _modeSpecific; set => _modeSpecific = value ?? throw new ArgumentNullException(nameof(ModeSpecific)); }

        /// <summary>Settings of the DCGAN image networks (<see cref="GanArchitecture.Dcgan"/>): <c>Image = { Shape = (1, 8, 8), BaseChannels = 64 }</c>.</summary>
        public ImageOptions Image { get => _image; set => _image = value ?? throw new ArgumentNullException(nameof(Image)); }

        /// <summary>Sizes of the tabular networks (<see cref="GanArchitecture.Mlp"/>, <see cref="GanArchitecture.Residual"/>): <c>Mlp = { GeneratorHiddenSizes = new[] { 128, 128 } }</c>.</summary>
        public MlpOptions Mlp { get => _mlp; set => _mlp = value ?? throw new ArgumentNullException(nameof(Mlp)); }

        /// <summary>The largest <see cref="NoiseDimension"/>.</summary>
        public const int MaxNoiseDimension = 4096;

        private ModeSpecificOptions _modeSpecific = new();
        private ImageOptions _image = new();
        private MlpOptions _mlp = new();

        /// <summary>Optional condition column (Text, Boolean, integer, or UInt32 key). When set, the GAN is conditional and sampling can ask for a class.</summary>
        public string? ConditionColumnName { get; set; }

        /// <summary>
        /// Training-by-sampling for the condition column too: training rows are drawn so that each class's share grows
        /// with the log of its count rather than the count, so rare classes get more updates (CTGAN does this for every
        /// categorical column). Sampling always follows the real class frequencies. Default true; false draws training
        /// rows uniformly (BENCHMARKS.md compares the two).
        /// </summary>
        public bool BalanceConditionClasses { get; set; } = Defaults.BalanceConditionClasses;

        /// <summary>
        /// Weight of an auxiliary generator loss that matches, within each class of the condition column (or over all
        /// rows without one), how often each discrete choice occurs — a category, a numeric column's mixture mode, a
        /// missing value — to the real rows drawn with the same conditions. It keeps a class's point masses where they
        /// belong (no rain on days of a class that is always dry), which the adversarial loss learns slowly for rare
        /// classes. 0 (default) is off; 1 is the scale of CTGAN's conditional cross-entropy. Tabular (mode-specific or
        /// categorical) columns only; images have no discrete choices.
        /// </summary>
        public double FrequencyMatchingWeight { get; set; } = Defaults.FrequencyMatchingWeight;

        /// <summary>The adversarial objective. Default: <see cref="GanLoss.WassersteinGradientPenalty"/>, the most forgiving of the six.</summary>
        public GanLoss Loss { get; set; } = Defaults.Loss;

        /// <summary>Passes over the training rows. Default 300; 0 returns the freshly initialised generator (a baseline). Each step draws a batch for every discriminator step, then updates the generator once.</summary>
        public int Epochs { get; set; } = Defaults.Epochs;

        /// <summary>Rows per batch. Default 256; reduced to the number of rows when the data is smaller.</summary>
        public int BatchSize { get; set; } = Defaults.BatchSize;

        /// <summary>Width of the Gaussian noise the generator starts from. Default 64; at most <see cref="MaxNoiseDimension"/>.</summary>
        public int NoiseDimension { get; set; } = Defaults.NoiseDimension;

        /// <summary>
        /// Optimiser family; null takes the loss's default (RMSprop for <see cref="GanLoss.Wasserstein"/>, Adam otherwise),
        /// or when resuming, the resumed sampler's; a different one given when resuming is an error.
        /// </summary>
        public GanOptimizer? Optimizer { get; set; }

        /// <summary>
        /// Learning rate of both networks; null takes the loss's default, or when resuming, the resumed sampler's rates.
        /// Given when resuming, it replaces them (e.g. a lower rate for the last epochs); the optimiser and its betas
        /// stay the sampler's (giving different ones is an error).
        /// </summary>
        public double? LearningRate { get; set; }

        /// <summary>
        /// Learning rate of the discriminator alone; null (default) uses <see cref="LearningRate"/>. A faster
        /// discriminator than generator (the two time-scale update rule, Heusel et al. 2017, e.g. 4e-4 against 1e-4)
        /// strengthens a discriminator that falls behind without more <see cref="DiscriminatorSteps"/>. Given when resuming,
        /// it replaces the resumed sampler's discriminator rate.
        /// </summary>
        public double? DiscriminatorLearningRate { get; set; }

        /// <summary>
        /// How both networks' learning rates change over the epochs: <see cref="GanLearningRateSchedule.Constant"/>
        /// (default), or a <see cref="GanLearningRateSchedule.Linear"/> or <see cref="GanLearningRateSchedule.Cosine"/>
        /// decay towards zero over the last <see cref="LearningRateDecayEpochs"/> epochs of the schedule. Each network
        /// decays from its own base rate (<see cref="LearningRate"/>, <see cref="DiscriminatorLearningRate"/>, the loss's
        /// default, or a resumed sampler's). The rate of an epoch depends only on these options and the epoch's number
        /// (counted across resumed runs, as <see cref="GanEpochMetrics.Epoch"/>), so resuming continues the schedule
        /// exactly; each epoch's rates are in <see cref="GanEpochMetrics.GeneratorLearningRate"/> and
        /// <see cref="GanEpochMetrics.DiscriminatorLearningRate"/>. With <see cref="EarlyStopping"/>, training may stop
        /// before the decay ends: the schedule is laid out over the epochs asked for, not the epochs trained.
        /// </summary>
        public GanLearningRateSchedule LearningRateSchedule { get; set; } = GanLearningRateSchedule.Constant;

        /// <summary>
        /// The number of epochs at the end of the schedule over which a <see cref="LearningRateSchedule"/> other than
        /// constant decays; the epochs before them train at the base rates. Null (default) decays over the whole
        /// schedule. Must be positive and at most the schedule's length (<see cref="LearningRateScheduleEpochs"/>).
        /// </summary>
        public int? LearningRateDecayEpochs { get; set; }

        /// <summary>
        /// The epoch at which the <see cref="LearningRateSchedule"/> ends, counted from the first epoch of the first run
        /// (as <see cref="GanEpochMetrics.Epoch"/> is). Null (default) ends it with this run's last epoch: the epochs a
        /// resumed sampler already trained plus <see cref="Epochs"/>. Give it to split one scheduled run into resumed
        /// parts: every part names the whole run's length (a part resumed to the end may leave it null).
        /// </summary>
        public int? LearningRateScheduleEpochs { get; set; }

        /// <summary>Adam β1; null takes the loss's default, or when resuming, the sampler's (a different one is an error).</summary>
        public double? Beta1 { get; set; }

        /// <summary>Adam β2; null takes the loss's default, or when resuming, the sampler's (a different one is an error).</summary>
        public double? Beta2 { get; set; }

        /// <summary>Discriminator updates per generator update; null takes the loss's default (5 for the Wasserstein losses and Hinge, else 1).</summary>
        public int? DiscriminatorSteps { get; set; }

        /// <summary>
        /// Exponential moving average of the generator's weights (Yazıcı et al. 2019): after every generator update the
        /// average keeps this share of itself and takes the rest from the trained generator, and the sampler gets the
        /// average. 0 (default) is off; 0.999 is typical, closer to 1 for longer runs. Must be in [0, 1). Resuming
        /// continues the saved average (with this decay), or starts one from the sampler's generator.
        /// </summary>
        public double GeneratorAverageDecay { get; set; } = Defaults.GeneratorAverageDecay;

        /// <summary>Weight clipping bound of <see cref="GanLoss.Wasserstein"/>; null means <see cref="Defaults.WeightClip"/> (0.01). Setting it under another loss is an error.</summary>
        public double? WeightClip { get; set; }

        /// <summary>Gradient penalty weight λ of <see cref="GanLoss.WassersteinGradientPenalty"/>; null means <see cref="Defaults.GradientPenaltyWeight"/> (10). Setting it under another loss is an error.</summary>
        public double? GradientPenaltyWeight { get; set; }

        /// <summary>
        /// PacGAN packing (Lin et al. 2018): the discriminator judges <c>PacSize</c> samples at once, concatenated, which
        /// penalises a generator that covers few modes. 1 (default) is no packing; 2–4 are typical. Batches are rounded
        /// down to a multiple of it.
        /// </summary>
        public int PacSize { get; set; } = Defaults.PacSize;

        /// <summary>
        /// What to do when a loss becomes NaN or infinite. Default: stop and keep the last good epoch's networks, and,
        /// with <see cref="KeepTrainingState"/>, that epoch's whole training state (the optimisers' moments, the random
        /// stream, the average's count), so a resumed run starts as if the diverged epoch had never run.
        /// </summary>
        public GanNonFinitePolicy NonFinitePolicy { get; set; } = Defaults.NonFinitePolicy;

        /// <summary>
        /// The training doctor: per-epoch collapse, gradient and balance signals turned into diagnoses with remedies. On
        /// by default. It includes the collapse probe that measures <see cref="GanEpochMetrics.CollapseRatio"/>, so false
        /// also leaves that metric NaN in every epoch (and saves the probe's generator pass per epoch).
        /// </summary>
        public bool EnableDiagnostics { get; set; } = Defaults.EnableDiagnostics;

        /// <summary>Early stopping and best-model selection on a held-out energy distance; null (default) trains every epoch.</summary>
        public GanEarlyStopping? EarlyStopping { get; set; }

        /// <summary>
        /// Keep the discriminator and both optimisers' state in the sampler (and in saved models) so training can be
        /// resumed with <see cref="GanTrainer.Fit(Microsoft.ML.IDataView, GanSampler)"/>. Default true. The state is the
        /// last epoch's. When <see cref="EarlyStopping"/> kept an earlier epoch's generator and there is no generator
        /// average, the sampler holds only that generator, so a resumed run trains it on against the last epoch's
        /// discriminator and optimiser state (as Keras' restore-best-weights does). With an average, the trained
        /// generator's last weights are kept too and training resumes from them; the average goes on from the kept epoch's.
        /// </summary>
        public bool KeepTrainingState { get; set; } = Defaults.KeepTrainingState;

        /// <summary>Seed for weights, noise and batches. Null takes one from the <c>MLContext</c> seed.</summary>
        public int? Seed { get; set; }

        /// <summary>
        /// libtorch's CPU threads while training. Null (default) is the library's choice: one fewer than
        /// <see cref="Environment.ProcessorCount"/> (which honours cgroup CPU limits), at least 1, so that one other busy
        /// process does not stall every parallel operation; it only ever lowers the count the application set with
        /// <c>torch.set_num_threads</c>, and leaves it alone where <c>OMP_NUM_THREADS</c> is set. libtorch's count is one
        /// setting for the whole process and stays set after training (sampling chooses its own the same way,
        /// <see cref="GanSampler.NumberOfThreads"/>). Trainers in one process
        /// share it: while one trains, another that leaves this null trains with the running count, and one that asks
        /// for a different count is refused rather than change the count under the first.
        /// </summary>
        public int? NumberOfThreads { get; set; }

        /// <summary>Stops training between steps with an <see cref="OperationCanceledException"/>. (ML.NET's own
        /// <c>MLContext.CancelExecution()</c> is honoured too, but is internal in ML.NET 5.)</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Called after every epoch with that epoch's metrics (on the training thread).</summary>
        public Action<GanEpochMetrics>? ProgressCallback { get; set; }

        /// <summary>
        /// Where the per-step random tensors are drawn (internal: tests force device draws on the CPU, the GPU profile
        /// compares host draws on CUDA). Auto draws on the device on CUDA and on the CPU, exactly as before, otherwise.
        /// </summary>
        internal RandomDraws Draws { get; set; }
    }
}

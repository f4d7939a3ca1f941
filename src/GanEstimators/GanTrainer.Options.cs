namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// Everything <see cref="GanTrainer"/> can be told. Optimiser settings left null take the defaults of the chosen
    /// <see cref="Loss"/>'s paper (see <see cref="GanLoss"/>).
    /// </summary>
    public sealed class Options
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

        /// <summary>How numeric scalars are encoded. Default: <see cref="GanNumericEncoding.ModeSpecificNormalization"/>.</summary>
        public GanNumericEncoding NumericEncoding { get; set; } = GanNumericEncoding.ModeSpecificNormalization;

        /// <summary>
        /// Most one-hot slots a categorical column may take. A column with more levels keeps the most frequent
        /// <c>MaxCategorySlots − 1</c> and pools the rest into one slot (decoded by their training frequencies). Default 500.
        /// </summary>
        public int MaxCategorySlots { get; set; } = 500;

        /// <summary>Keep generated numeric values within the range seen in training (mode-specific encoding). Default true.</summary>
        public bool ClampToObservedRange { get; set; } = true;

        /// <summary>
        /// A numeric column whose values repeat (at most half as many distinct values as rows, and at most 4,096 of
        /// them: readings rounded to a unit, or converted from another unit) decodes each generated value to the nearest
        /// value seen in training, so synthetic values lie on the same grid as the real ones. Columns of mostly
        /// distinct values are left continuous. Mode-specific encoding only. Default true.
        /// </summary>
        public bool SnapToObservedValues { get; set; } = true;

        /// <summary>
        /// A value that alone holds at least this share of a numeric column's present values (zero rainfall, a default
        /// amount) becomes a mode of its own that decodes to exactly that value, rather than a narrow Gaussian that also
        /// spills onto its neighbours; a class whose rows all sit on it can then be generated exactly there. 0 is off;
        /// otherwise in [0.01, 1]. Default 0.1. Mode-specific encoding of numbers (not dates) only.
        /// </summary>
        public double PointMassShare { get; set; } = 0.1;

        /// <summary>
        /// A DateTime column also carries its place in the year (when the dates span a year or more) and in the day
        /// (when they have times of day) as a sine and cosine each, so seasonal and daily patterns are learnt; the
        /// generated date takes its day of year and time of day from them. Mode-specific encoding only. Default true.
        /// </summary>
        public bool EncodeDateCycles { get; set; } = true;

        /// <summary>The generator's network family. Default <see cref="GanArchitecture.Auto"/>.</summary>
        public GanArchitecture Architecture { get; set; } = GanArchitecture.Auto;

        /// <summary>
        /// How the single feature vector forms an image, for <see cref="GanArchitecture.Dcgan"/>. Null (default) reads
        /// the shape from the vector type's dimensions (H×W or C×H×W). Set it for a flat vector, e.g. 64 pixel columns
        /// concatenated: <c>ImageShape = (1, 8, 8)</c>; with <see cref="GanArchitecture.Auto"/> this also selects DCGAN.
        /// </summary>
        public GanImageShape? ImageShape { get; set; }

        /// <summary>
        /// Width of the DCGAN networks, for <see cref="GanArchitecture.Dcgan"/>: the discriminator's convolutions have
        /// base and 2·base channels, the generator's 2·base, base and base/2. Default 32, which trains 28×28 images in
        /// reasonable time on a CPU; the DCGAN paper's networks correspond to 64–128. At least 2, at most <see cref="MaxImageBaseChannels"/>.
        /// </summary>
        public int ImageBaseChannels { get; set; } = 32;

        /// <summary>The largest <see cref="ImageGeneratorDepth"/> and <see cref="ImageDiscriminatorDepth"/>.</summary>
        public const int MaxImageNetworkDepth = 4;

        /// <summary>The largest <see cref="ImageBaseChannels"/> (the DCGAN paper's networks correspond to 64–128).</summary>
        public const int MaxImageBaseChannels = 1024;

        /// <summary>The largest <see cref="NoiseDimension"/>.</summary>
        public const int MaxNoiseDimension = 4096;

        /// <summary>The widest hidden layer in <see cref="GeneratorHiddenSizes"/> and <see cref="DiscriminatorHiddenSizes"/> (a layer this wide holds 64 M weights per square layer).</summary>
        public const int MaxHiddenLayerWidth = 8192;

        /// <summary>The most hidden layers in <see cref="GeneratorHiddenSizes"/> and <see cref="DiscriminatorHiddenSizes"/>.</summary>
        public const int MaxHiddenLayers = 16;

        /// <summary>
        /// Convolutions per resolution in the DCGAN discriminator, for <see cref="GanArchitecture.Dcgan"/>. 1 (default)
        /// is DCGAN's: one stride-2 4×4 convolution per halving. Each step above adds a 3×3 stride-1 convolution (same
        /// channels, LeakyReLU, normalised like the rest) after every halving, which deepens the discriminator as in
        /// SNGAN's CNN (Miyato et al. 2018) without widening its features. At most <see cref="MaxImageNetworkDepth"/>.
        /// On a GPU these small networks are bound by launch overhead, so depth costs little time there; on a CPU depth 2
        /// triples the discriminator's work.
        /// </summary>
        public int ImageDiscriminatorDepth { get; set; } = 1;

        /// <summary>
        /// Convolutions per resolution in the DCGAN generator, for <see cref="GanArchitecture.Dcgan"/>. 1 (default) is
        /// DCGAN's: one transposed convolution per doubling. Each step above adds a batch-normalised 3×3 convolution of
        /// the same width after every doubling. At most <see cref="MaxImageNetworkDepth"/>.
        /// </summary>
        public int ImageGeneratorDepth { get; set; } = 1;

        /// <summary>
        /// Spectral normalisation of every DCGAN discriminator layer (Miyato et al. 2018) instead of batch
        /// normalisation (or none, which the Wasserstein losses get). Default false. Only for
        /// <see cref="GanArchitecture.Dcgan"/>, and not with <see cref="GanLoss.Wasserstein"/>, whose weight clipping
        /// would fight it.
        /// </summary>
        public bool SpectralNormalization { get; set; }

        /// <summary>Optional condition column (Text, Boolean, integer, or UInt32 key). When set, the GAN is conditional and sampling can ask for a class.</summary>
        public string? ConditionColumnName { get; set; }

        /// <summary>
        /// Training-by-sampling for the condition column too: training rows are drawn so that each class's share grows
        /// with the log of its count rather than the count, so rare classes get more updates (CTGAN does this for every
        /// categorical column). Sampling always follows the real class frequencies. Default true; false draws training
        /// rows uniformly, which fitted the marginals of the WeatherSynthesis sample better (see its comment).
        /// </summary>
        public bool BalanceConditionClasses { get; set; } = true;

        /// <summary>
        /// Weight of an auxiliary generator loss that matches, within each class of the condition column (or over all
        /// rows without one), how often each discrete choice occurs — a category, a numeric column's mixture mode, a
        /// missing value — to the real rows drawn with the same conditions. It keeps a class's point masses where they
        /// belong (no rain on days of a class that is always dry), which the adversarial loss learns slowly for rare
        /// classes. 0 (default) is off; 1 is the scale of CTGAN's conditional cross-entropy. Tabular (mode-specific or
        /// categorical) columns only; images have no discrete choices.
        /// </summary>
        public double FrequencyMatchingWeight { get; set; }

        /// <summary>The adversarial objective. Default: <see cref="GanLoss.WassersteinGradientPenalty"/>, the most forgiving of the six.</summary>
        public GanLoss Loss { get; set; } = GanLoss.WassersteinGradientPenalty;

        /// <summary>Passes over the training rows. Default 300; 0 returns the freshly initialised generator (a baseline). Each step draws a batch for every critic step, then updates the generator once.</summary>
        public int Epochs { get; set; } = 300;

        /// <summary>Rows per batch. Default 256; reduced to the number of rows when the data is smaller.</summary>
        public int BatchSize { get; set; } = 256;

        /// <summary>Width of the Gaussian noise the generator starts from. Default 64; at most <see cref="MaxNoiseDimension"/>.</summary>
        public int NoiseDimension { get; set; } = 64;

        /// <summary>Hidden layer widths of the generator MLP. Default { 256, 256 }; at most <see cref="MaxHiddenLayers"/> layers of at most <see cref="MaxHiddenLayerWidth"/>. Not used by <see cref="GanArchitecture.Dcgan"/>.</summary>
        public int[] GeneratorHiddenSizes { get; set; } = { 256, 256 };

        /// <summary>Hidden layer widths of the discriminator (critic) MLP. Default { 256, 256 }; at most <see cref="MaxHiddenLayers"/> layers of at most <see cref="MaxHiddenLayerWidth"/>. Not used by <see cref="GanArchitecture.Dcgan"/>.</summary>
        public int[] DiscriminatorHiddenSizes { get; set; } = { 256, 256 };

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
        /// strengthens a discriminator that falls behind without more <see cref="CriticSteps"/>. Given when resuming,
        /// it replaces the resumed sampler's discriminator rate.
        /// </summary>
        public double? DiscriminatorLearningRate { get; set; }

        /// <summary>Adam β1; null takes the loss's default, or when resuming, the sampler's (a different one is an error).</summary>
        public double? Beta1 { get; set; }

        /// <summary>Adam β2; null takes the loss's default, or when resuming, the sampler's (a different one is an error).</summary>
        public double? Beta2 { get; set; }

        /// <summary>Discriminator updates per generator update; null takes the loss's default (5 for the Wasserstein losses, else 1).</summary>
        public int? CriticSteps { get; set; }

        /// <summary>
        /// Exponential moving average of the generator's weights (Yazıcı et al. 2019): after every generator update the
        /// average keeps this share of itself and takes the rest from the trained generator, and the sampler gets the
        /// average. 0 (default) is off; 0.999 is typical, closer to 1 for longer runs. Must be in [0, 1). Resuming
        /// continues the saved average (with this decay), or starts one from the sampler's generator.
        /// </summary>
        public double GeneratorAverageDecay { get; set; }

        /// <summary>Weight clipping bound for <see cref="GanLoss.Wasserstein"/>; null means 0.01.</summary>
        public double? WeightClip { get; set; }

        /// <summary>Gradient penalty weight λ for <see cref="GanLoss.WassersteinGradientPenalty"/>; null means 10.</summary>
        public double? GradientPenaltyWeight { get; set; }

        /// <summary>
        /// PacGAN packing (Lin et al. 2018): the discriminator judges <c>PacSize</c> samples at once, concatenated, which
        /// penalises a generator that covers few modes. 1 (default) is no packing; 2–4 are typical. Batches are rounded
        /// down to a multiple of it.
        /// </summary>
        public int PacSize { get; set; } = 1;

        /// <summary>What to do when a loss becomes NaN or infinite. Default: stop and keep the last good epoch's networks.</summary>
        public GanNonFinitePolicy NonFinitePolicy { get; set; } = GanNonFinitePolicy.RestoreLastGood;

        /// <summary>The training doctor: per-epoch collapse, gradient and balance signals turned into diagnoses with remedies. On by default.</summary>
        public bool EnableDiagnostics { get; set; } = true;

        /// <summary>Early stopping and best-model selection on a held-out energy distance; null (default) trains every epoch.</summary>
        public GanEarlyStopping? EarlyStopping { get; set; }

        /// <summary>
        /// Keep the discriminator and both optimisers' state in the sampler (and in saved models) so training can be
        /// resumed with <see cref="GanTrainer.Fit(Microsoft.ML.IDataView, GanSampler)"/>. Default true.
        /// </summary>
        public bool KeepTrainingState { get; set; } = true;

        /// <summary>Seed for weights, noise and batches. Null takes one from the <c>MLContext</c> seed.</summary>
        public int? Seed { get; set; }

        /// <summary>Stops training between steps with an <see cref="OperationCanceledException"/>. (ML.NET's own
        /// <c>MLContext.CancelExecution()</c> is honoured too, but is internal in ML.NET 5.)</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Called after every epoch with that epoch's metrics (on the training thread).</summary>
        public Action<GanEpochMetrics>? ProgressCallback { get; set; }
    }
}

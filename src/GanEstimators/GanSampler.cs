using System.Runtime.CompilerServices;
using GanEstimators;
using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using GanEstimators.Native;
using GanEstimators.Persistence;
using GanEstimators.Sampling;
using GanEstimators.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

[assembly: LoadableClass(typeof(GanSampler), null, typeof(SignatureLoadModel), GanSampler.UserName, GanSampler.LoaderSignature)]
[assembly: LoadableClass(typeof(IRowMapper), typeof(GanSampler), null, typeof(SignatureLoadRowMapper), GanSampler.UserName, GanSampler.LoaderSignature)]

namespace GanEstimators;

/// <summary>
/// A trained generator as an ML.NET transformer. <c>Sample</c> makes new rows in the training schema;
/// <see cref="ITransformer.Transform"/> adds one synthetic row per input row (conditioned on that row's condition
/// column when the GAN is conditional), under the training feature columns' names and types. As with other ML.NET
/// transformers, an output column hides an input column of the same name (it stays in the schema with
/// <see cref="DataViewSchema.Column.IsHidden"/> set); the sampler logs a warning naming the columns it hides.
/// </summary>
public sealed class GanSampler : RowToRowTransformerBase, IDisposable
{
    internal const string LoaderSignature = GanSamplerFormat.LoaderSignature;
    internal const string UserName = "GAN Sampler";

    private readonly SyntheticRowGenerator _generator;
    private readonly Random _unseededSamples;
    private readonly object _sampleLock = new();

    internal GanSampler(IHostEnvironment environment, SyntheticRowGenerator generator, int seed, GanTrainingHistory history, TrainingState? trainingState)
        : base(Contracts.CheckRef(environment, nameof(environment)).Register(nameof(GanSampler)))
    {
        _generator = generator;
        Seed = seed;
        History = history;
        TrainingState = trainingState;
        _unseededSamples = new Random(seed);
        _generator.Log = message =>
        {
            using var channel = Host.Start("Sampling");
            channel.Info(message);
        };
    }

    /// <summary>Per-epoch metrics of the training run that produced this sampler.</summary>
    public GanTrainingHistory History { get; }

    /// <summary>The seed the model was trained with; per-row generation in <see cref="ITransformer.Transform"/> derives from it.</summary>
    public int Seed { get; }

    /// <summary>The network family that was trained (what <see cref="GanArchitecture.Auto"/> resolved to).</summary>
    public GanArchitecture Architecture => _generator.Network.Spec.Architecture;

    /// <summary>Names of the generated feature columns, in training order.</summary>
    public IReadOnlyList<string> FeatureColumnNames => _generator.Features.Columns.Select(c => c.Name).ToArray();

    /// <summary>The condition column's name, or null for an unconditional GAN.</summary>
    public string? ConditionColumnName => _generator.Condition?.ColumnName;

    /// <summary>The classes a conditional GAN can be asked for (invariant text form), or empty.</summary>
    public IReadOnlyList<string> ConditionClasses => _generator.Condition?.ClassNames ?? Array.Empty<string>();

    /// <summary>Columns <see cref="Sample(int, IReadOnlyDictionary{string, string}, int?)"/> can fix: the condition column, then the categorical feature columns.</summary>
    public IReadOnlyList<string> ConditionableColumnNames =>
        (ConditionColumnName is { } name ? new[] { name } : Array.Empty<string>())
        .Concat(_generator.Features.Columns.OfType<CategoricalEncoder>().Select(c => c.Name)).ToArray();

    /// <summary>The values (invariant text form) a conditionable column can be asked for.</summary>
    /// <exception cref="ArgumentException">The column is neither the condition column nor a categorical feature.</exception>
    public IReadOnlyList<string> ValuesOf(string columnName)
    {
        if (columnName == ConditionColumnName) return ConditionClasses;
        var index = _generator.Features.IndexOf(columnName);
        if (index >= 0 && _generator.Features.Columns[index] is CategoricalEncoder categorical) return categorical.Levels;
        throw new ArgumentException(
            $"Column '{columnName}' is not a column this sampler can condition on; those are: {string.Join(", ", ConditionableColumnNames.Select(n => $"'{n}'"))}.", nameof(columnName));
    }

    /// <summary>
    /// libtorch's CPU threads while this sampler generates rows (<c>Sample</c>, <see cref="ITransformer.Transform"/>,
    /// augmentation), read as each chunk of rows is generated, so it also applies to samples taken before it was set.
    /// Null (default) is the library's choice, as for training (<see cref="GanTrainer.Options.NumberOfThreads"/>): one
    /// fewer than <see cref="Environment.ProcessorCount"/> (which honours cgroup CPU limits), at least 1, so that one
    /// other busy process does not stall every parallel operation; it only ever lowers the count the application set
    /// with <c>torch.set_num_threads</c>, and leaves it alone where <c>OMP_NUM_THREADS</c> is set. The same seed gives
    /// the same rows whatever the count. libtorch's count is one setting for the whole process and stays set after
    /// sampling; while a training (or another sampler) is running with another count, null shares that count and an
    /// explicit different one is refused with an <see cref="InvalidOperationException"/> rather than change it under them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or above 4 per processor.</exception>
    public int? NumberOfThreads
    {
        get => _generator.NumberOfThreads;
        set
        {
            ValidateNumberOfThreads(value);
            _generator.NumberOfThreads = value;
        }
    }

    /// <summary>The rule <see cref="NumberOfThreads"/> enforces, for callers that check a count before they have a sampler.</summary>
    internal static void ValidateNumberOfThreads(int? value)
    {
        if (!LibTorchThreads.IsAllowed(value))
            throw OptionRangeError.Create(nameof(NumberOfThreads), value, $"GanSampler.NumberOfThreads must be {LibTorchThreads.Expected}.", LibTorchThreads.Expected);
    }

    /// <summary>The rules every generated row follows (<see cref="GanTrainer.Options.Constraints"/>, saved with the model); empty when it has none.</summary>
    public IReadOnlyList<GanConstraint> Constraints => _generator.Constraints?.Constraints ?? Array.Empty<GanConstraint>();

    /// <summary>
    /// What <c>Sample</c> does when its conditions fix two or more columns to a combination of values that never
    /// occurred together in a training row (the model records the combinations the condition column and categorical
    /// columns took): <see cref="GanUnseenCombinations.Warn"/> (default) logs a warning naming it through the
    /// <c>MLContext</c> log and generates the rows, <see cref="GanUnseenCombinations.Refuse"/> throws an
    /// <see cref="ArgumentException"/>, <see cref="GanUnseenCombinations.Allow"/> says nothing. Models saved before the
    /// combinations were recorded cannot tell, and generate the rows. A combination that breaks a fixed-combination
    /// constraint is always refused.
    /// </summary>
    public GanUnseenCombinations UnseenCombinations
    {
        get => _unseenCombinations;
        set => _unseenCombinations = Enum.IsDefined(value) ? value
            : throw OptionRangeError.Create(nameof(UnseenCombinations), value, "GanSampler.UnseenCombinations must be Warn, Refuse or Allow.", "Warn, Refuse or Allow");
    }

    private GanUnseenCombinations _unseenCombinations;

    /// <summary>
    /// How each mode-specific numeric column's mixture mode is picked in a generated row: drawn from the generator's
    /// probabilities (<see cref="GanModeChoice.Drawn"/>, CTGAN's way) or the most likely one for the row's noise
    /// (<see cref="GanModeChoice.MostLikely"/>). The default is decided from the trained generator at first use and
    /// written to the MLContext log: MostLikely where taking the most likely modes moves no column's mode frequencies by
    /// more than 0.025 (total variation, on 4,096 rows of fixed noise) — a generator that picks modes from its noise, as
    /// on the mode-collapse lab's ring, where it put 96 % of points near a real mode instead of 89 % —, Drawn elsewhere
    /// (on the real tables measured, taking the most likely mode narrowed the numeric columns' shapes). Categories are
    /// always drawn. Views already taken generate with the choice in force when their rows are read. Not saved with the
    /// model: a loaded sampler decides its default again, the same way.
    /// </summary>
    public GanModeChoice ModeChoice
    {
        get => _generator.ModeChoice;
        set => _generator.ModeChoice = Enum.IsDefined(value) ? value
            : throw OptionRangeError.Create(nameof(ModeChoice), value, "GanSampler.ModeChoice must be Drawn or MostLikely.", "Drawn or MostLikely");
    }

    /// <summary>
    /// When true (the default), categorical draws are calibrated so that each categorical column, in the rows not
    /// conditioned on it, comes out at its training frequencies: one logit offset per category, fitted once at the first
    /// rows from 4,096 rows of fixed noise (8,192 where pairs are linked; the same on every load) and added before each draw. A GAN tends to
    /// over-produce a column's frequent levels where it generates the column freely; over three seeds this lifted
    /// birdstrikes' column shapes from 0.949 to 0.978 and pair trends from 0.849 to 0.880 (airports, states, aircraft),
    /// and flights-20k's shapes from 0.915 to 0.944 (BENCHMARKS.md, "Category calibration"). Exact conditions still hold;
    /// the condition column is not calibrated (its classes are drawn by their frequencies already). Where
    /// <see cref="KeepSeenPairs"/> keeps a pair, the pair gets offsets too, one per known value and drawn category, so
    /// that each value's partners come out at their training shares (flights' destinations from each origin): over three
    /// seeds flights-20k's pair trends rose from 0.900 to 0.955 (0.865 → 0.896 against the held-out rows, which the
    /// training rows score 0.905 against; BENCHMARKS.md, "Pair shares"). Two columns associated too loosely to keep
    /// (bias-corrected Cramér's V at least 0.2: birdstrikes' airports and operators) are linked: their shares are fitted
    /// the same way, with no combination forbidden; over three seeds birdstrikes' pair trends rose from 0.907 to 0.941
    /// (0.867 → 0.890 against the held-out rows; BENCHMARKS.md, "Linked pairs"). Linked pairs go with
    /// <see cref="KeepSeenPairs"/>, and <c>ganest sample</c> prints them (<c>Linked pairs: …</c>). Set false to draw
    /// from the generator's own probabilities (CTGAN's way). Not saved with the model: a loaded sampler calibrates again.
    /// </summary>
    public bool CalibrateCategories
    {
        get => _generator.CalibrateCategories;
        set => _generator.CalibrateCategories = value;
    }

    /// <summary>
    /// When true (the default), two categorical columns whose training rows hold nearly all the combinations the data
    /// takes (Good–Turing: at most 5 % of rows have a combination seen once), and far fewer than independent columns
    /// would, are generated only in combinations that occur in the training rows: flights' origin and destination
    /// (2,879 routes), an airport and its state. Each such column is drawn among the slots seen with the value already
    /// fixed in its row (by the condition column, a conditional request, or a column drawn before it), by the
    /// generator's own probabilities among them. Among a column's pairs whose other column is drawn earlier only the most
    /// structured acts (two could contradict each other); pairs with a column drawn later act in the rows conditioned
    /// on it, and a row's condition on a paired column is always the value written. Pairs whose combinations are sparse by
    /// chance (many seen once) stay free. A column with more levels than <c>MaxCategorySlots</c> is paired by its slots:
    /// its pooled rare levels share one slot, which still decodes to one of them by training frequency. Over three seeds this lifted flights-20k's pair trends from 0.877 to 0.900,
    /// and birdstrikes' from 0.869 to 0.892 with its detection AUC down from 0.270 to 0.213 (BENCHMARKS.md, "Seen
    /// pairs"). Derived from the combinations every model records, so older models get it too; categorical
    /// calibration is fitted with it, and fits each pair's shares (<see cref="CalibrateCategories"/>). <c>ganest sample</c> prints the pairs (<c>Seen pairs: …</c>). Set false to let
    /// the generator combine categories freely; that also drops the linked pairs (<see cref="CalibrateCategories"/>). Not saved with the model.
    /// </summary>
    public bool KeepSeenPairs
    {
        get => _generator.KeepSeenPairs;
        set => _generator.KeepSeenPairs = value;
    }

    /// <summary>
    /// When true (the default), a numeric column that the training rows fix by one or two categorical columns takes
    /// that value in every generated row whose categories occur in training: flights' distance by origin and
    /// destination. Training finds such columns where every combination seen more than once has one value, where
    /// Good–Turing puts a new row's combination among the seen ones (at most 5 % of rows in combinations seen once),
    /// where at least half the rows have the number and its categories, and where the number takes two values or more; a
    /// single categorical column is preferred to a pair. A value the generator leaves missing stays missing. The values
    /// are saved with the model (format 0x0001000C; older models have none). A numeric column that is the sum of two
    /// others in every training row (each part non-zero in at least 20 rows, at least half the rows having all three) is
    /// rebuilt from the generated parts: birdstrikes' total cost. Columns a constraint names get neither rule. The log
    /// says which columns (<c>Determined values: …</c>, printed by <c>ganest sample</c>). Flights-20k's generated
    /// distances matched their route in 0.3 % of rows before (BENCHMARKS.md, "Determined values"). Set false to keep the
    /// generator's numbers. Not saved with the model.
    /// </summary>
    public bool KeepDeterminedValues
    {
        get => _generator.KeepDeterminedValues;
        set => _generator.KeepDeterminedValues = value;
    }

    /// <summary>
    /// When true, each mode-specific numeric column's generated values are mapped onto the column's training
    /// distribution (quantile mapping: a value goes to the training quantile at its share of the generated
    /// distribution), then put back on the column's grid, range and observed values. The generated distribution is
    /// measured once per mode choice and category setting, at the first rows, on 16,384 rows of fixed noise (so the
    /// same on every load); the training distribution is 257 quantiles saved with the model (format 0x0001000B on:
    /// older models are not calibrated). On its own the mapping is monotone, so each column's order and the rows' rank
    /// correlations are kept (<see cref="CalibrateDependence"/> then corrects the latter); point masses, missing values, exact conditions and constraints still hold. Dates are left
    /// alone (moved along the calendar, a date would leave the season its row was generated for). The default is
    /// decided from the trained generator with <see cref="ModeChoice"/>'s: true where its rule keeps drawing modes (every
    /// real table measured), false where it takes the most likely ones — clustered numeric data such as the
    /// mode-collapse lab's ring, where mapping each coordinate on its own moves points between a coordinate's clusters
    /// and off the ring. See BENCHMARKS.md, "Number calibration". Not saved with the model.
    /// </summary>
    public bool CalibrateNumbers
    {
        get => _generator.CalibrateNumbers;
        set => _generator.CalibrateNumbers = value;
    }

    /// <summary>
    /// When true (the default), the numeric columns whose values <see cref="CalibrateNumbers"/> maps also keep how they
    /// move together in the training rows. Training measures the correlations of the columns' normal scores (a value's
    /// share of its column's training distribution through the standard normal's inverse: the Gaussian copula) among
    /// the mode-specific columns without point masses, leaving out those <see cref="KeepDeterminedValues"/> rewrites;
    /// they are saved with the model (format 0x0001000D; older models have none). At the first rows the generator's own
    /// correlations are measured on the same fixed-noise rows as the quantile mapping, and each generated row's scores
    /// are then moved by the one linear map that turns the one set of correlations into the other while moving the rows
    /// least (the optimal transport map between the two Gaussians), and each moved score is read as its share among the
    /// probe rows' moved scores before the mapping onto the training quantiles. Each column keeps its calibrated
    /// distribution; which values meet in a row changes. A row missing one of the columns is calibrated column by column.
    /// Like the quantile mapping, the map is fitted on rows of every class (drawn by frequency), so rows of one
    /// requested class are moved towards the correlations of the whole table, not of that class. Seattle-weather's daily highs and lows were generated correlated at 0.70 against
    /// 0.88 in training (BENCHMARKS.md, "Dependence calibration"). The log says which columns and the largest change
    /// (<c>Calibrated dependence: …</c>, printed by <c>ganest sample</c>). Has no effect when
    /// <see cref="CalibrateNumbers"/> is false. Not saved with the model.
    /// </summary>
    public bool CalibrateDependence
    {
        get => _generator.CalibrateDependence;
        set => _generator.CalibrateDependence = value;
    }

    /// <summary>True when the sampler carries the discriminator and optimiser state, so <see cref="GanTrainer.Fit(IDataView, GanSampler)"/> can continue training it.</summary>
    public bool CanResumeTraining => TrainingState is not null;

    internal SyntheticRowGenerator Generator => _generator;

    internal TrainingState? TrainingState { get; }

    /// <summary>
    /// Generates <paramref name="count"/> rows with the training feature columns (and the condition column for a
    /// conditional GAN). With <paramref name="condition"/> every row is of that class; without it classes follow the
    /// training frequencies. The same <paramref name="seed"/> gives the same rows.
    /// </summary>
    /// <remarks>
    /// The rows are generated as a cursor reaches them, a few thousand at a time, so any count streams in bounded
    /// memory; each cursor generates them anew from the seed (the same rows every time). To read a sample many times
    /// without generating it again, cache it: <c>mlContext.Data.Cache(sample)</c>.
    /// </remarks>
    public IDataView Sample(int count, string? condition = null, int? seed = null) =>
        condition is null
            ? Sample(count, new Dictionary<string, string>(), seed)
            : Sample(count, new Dictionary<string, string> { [ConditionColumnName ?? ""] = condition }, seed, conditionArgument: nameof(condition));

    /// <summary>
    /// Generates exactly <paramref name="count"/> rows that satisfy every entry of <paramref name="conditions"/>
    /// (column name → value in invariant text form, e.g. <c>{ ["weather"] = "snow", ["windy"] = "True" }</c>). Keys may
    /// be the condition column and any categorical feature columns. The generator is conditioned on the values and the
    /// values are written into the rows, so no rejection loop is involved and the call cannot come back short.
    /// Rows are generated lazily, as with <see cref="Sample(int, string?, int?)"/>.
    /// </summary>
    public IDataView Sample(int count, IReadOnlyDictionary<string, string> conditions, int? seed = null) =>
        Sample(count, conditions, seed, conditionArgument: nameof(conditions));

    /// <summary>
    /// Generates rows <c>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>)</c> of the
    /// endless synthetic stream defined by this model, <paramref name="seed"/> and <paramref name="condition"/> (every row
    /// of that class; without it classes follow the training frequencies). Ranges are for generating one sample in
    /// shards, on several threads, processes or machines: for any split of a range, the shards' rows concatenated are
    /// bit-identical to the rows of one call for the whole range, on the same kind of device and processor.
    /// </summary>
    /// <remarks>
    /// The stream is cut into blocks of 2,048 rows, each generated on its own from a seed derived from
    /// (<paramref name="seed"/>, block index) with SplitMix64; a range that starts inside a block generates that block
    /// whole and skips its first rows, so a shard costs at most one block more than its rows. This is another stream than
    /// <see cref="Sample(int, string?, int?)"/>'s (which is one sequential stream per seed and cannot start mid-way): the
    /// rows of <c>SampleRange(0, n, seed)</c> are not those of <c>Sample(n, seed: seed)</c>. Rows are generated lazily,
    /// as a cursor reaches them, in bounded memory. An empty range (<paramref name="count"/> 0) is an empty view.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="count"/> is negative, or the range ends past <see cref="long.MaxValue"/>.</exception>
    public IDataView SampleRange(long start, long count, int seed, string? condition = null) =>
        condition is null
            ? SampleRange(start, count, seed, new Dictionary<string, string>(), nameof(condition))
            : SampleRange(start, count, seed, new Dictionary<string, string> { [ConditionColumnName ?? ""] = condition }, nameof(condition));

    /// <summary>
    /// Generates rows <c>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>)</c> of the
    /// endless stream of rows that satisfy every entry of <paramref name="conditions"/> (as in
    /// <see cref="Sample(int, IReadOnlyDictionary{string, string}, int?)"/>) for this model and <paramref name="seed"/>;
    /// shards of a range concatenate to the rows of one call, as with <see cref="SampleRange(long, long, int, string?)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="count"/> is negative, or the range ends past <see cref="long.MaxValue"/>.</exception>
    public IDataView SampleRange(long start, long count, int seed, IReadOnlyDictionary<string, string> conditions) =>
        SampleRange(start, count, seed, conditions, nameof(conditions));

    private IDataView SampleRange(long start, long count, int seed, IReadOnlyDictionary<string, string> conditions, string conditionArgument)
    {
        _generator.ThrowIfDisposed();
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start), start, "The first row of a range must be 0 or more.");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of rows of a range must be 0 or more.");
        if (count > long.MaxValue - start)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The range from row {start} with {count} rows ends past row {long.MaxValue}, the last row of the stream.");
        ArgumentNullException.ThrowIfNull(conditions, conditionArgument);
        var resolved = ConditionRequests.Resolve(_generator.Features, _generator.Condition, conditions, conditionArgument);
        return new SampleDataView(Host, _generator, resolved, count, seed, start);
    }

    /// <summary>
    /// As <see cref="Sample(int, IReadOnlyDictionary{string, string}, int?)"/>, but the rows are rows
    /// <paramref name="numberFrom"/> onwards of a larger sample as far as a <c>Unique</c> constraint numbers them (the
    /// chunks of an augmentation, each sampled with its own seed, so no two chunks repeat an ID).
    /// </summary>
    internal IDataView Sample(int count, IReadOnlyDictionary<string, string> conditions, int seed, long numberFrom) =>
        Sample(count, conditions, seed, nameof(conditions), numberFrom);

    private IDataView Sample(int count, IReadOnlyDictionary<string, string> conditions, int? seed, string conditionArgument, long numberFrom = 0)
    {
        _generator.ThrowIfDisposed();
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of rows to sample must be positive.");
        ArgumentNullException.ThrowIfNull(conditions, conditionArgument);
        int sampleSeed;
        lock (_sampleLock) sampleSeed = seed ?? _unseededSamples.Next();
        var resolved = ConditionRequests.Resolve(_generator.Features, _generator.Condition, conditions, conditionArgument);
        CheckCombination(resolved, conditionArgument);
        return new SampleDataView(Host, _generator, resolved, count, sampleSeed) { NumberFrom = numberFrom };
    }

    private void CheckCombination(SampleConditions resolved, string argument)
    {
        string Text(int column, int id) => SeenCombinations.TextOf(column, id, _generator.Features, _generator.Condition);
        if (_generator.Constraints?.Conflict(resolved, Text) is { } conflict) throw new ArgumentException(conflict, argument);
        if (_unseenCombinations == GanUnseenCombinations.Allow || _generator.Combinations is not { } seen) return;
        var fixedValues = new List<(int Position, int Id)>();
        for (var p = 0; p < seen.Columns.Count; p++)
        {
            var column = seen.Columns[p];
            if (column == SeenCombinations.ConditionColumn && resolved.FixedClass is { } k) fixedValues.Add((p, k));
            else if (resolved.FixedCategories.FirstOrDefault(f => f.ColumnIndex == column) is { } category) fixedValues.Add((p, SeenCombinations.IdOf(category.RawValue)));
        }
        if (fixedValues.Count < 2 || seen.AnyMatches(fixedValues)) return;
        string Name(int column) => column == SeenCombinations.ConditionColumn ? _generator.Condition!.ColumnName : _generator.Features.Columns[column].Name;
        var combination = string.Join(", ", fixedValues.Select(v => $"{Name(seen.Columns[v.Position])}={Text(seen.Columns[v.Position], v.Id)}"));
        if (_unseenCombinations == GanUnseenCombinations.Refuse)
            throw new ArgumentException($"The combination {combination} never occurs in the training rows, and UnseenCombinations is Refuse. Ask for a combination the data has, or set UnseenCombinations to Warn or Allow.", argument);
        using var channel = Host.Start("Sampling");
        channel.Warning($"The combination {combination} never occurs in the training rows; the rows generated for it are extrapolation, not something the data shows. (GanSampler.UnseenCombinations = Refuse refuses such requests.)");
    }

    /// <summary>
    /// Releases the generator's native memory. Afterwards sampling, transforming and saving throw
    /// <see cref="ObjectDisposedException"/>, and so does reading a sample taken before (samples and transformed
    /// views generate their rows as they are read, so dispose the sampler after reading them).
    /// </summary>
    public void Dispose() => _generator.Dispose();

    /// <inheritdoc/>
    protected override IRowMapper MakeRowMapper(DataViewSchema schema)
    {
        _generator.ThrowIfDisposed();
        return new Mapper(this, schema);
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext ctx)
    {
        _generator.ThrowIfDisposed();
        GanSamplerFormat.Save(ctx, new SavedSampler(_generator, Seed, History, TrainingState));
    }

    private static GanSampler Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        var saved = GanSamplerFormat.Load(env, ctx);
        return new GanSampler(env, saved.Generator, saved.Seed, saved.History, saved.TrainingState);
    }

    private static IRowMapper Create(IHostEnvironment env, ModelLoadContext ctx, DataViewSchema inputSchema) =>
        Create(env, ctx).MakeRowMapper(inputSchema);

    /// <summary>One generator forward pass per input row, seeded by the row's id, shared by every output column of that row.</summary>
    private sealed class Mapper : MapperBase
    {
        private readonly GanSampler _parent;
        private readonly int _conditionIndex = -1;
        private readonly ConditionalWeakTable<DataViewRow, RowState> _rows = new();

        public Mapper(GanSampler parent, DataViewSchema inputSchema)
            : base(parent.Host.Register(nameof(Mapper)), inputSchema, parent)
        {
            _parent = parent;
            if (parent._generator.Condition is { } condition)
            {
                var column = inputSchema.GetColumnOrNull(condition.ColumnName)
                    ?? throw new ArgumentException($"Condition column '{condition.ColumnName}' is missing from the input; this GAN is conditional and generates one row per input row of the requested class.", nameof(inputSchema));
                if (column.Type.RawType != condition.Type.RawType || !ConditionEncoder.IsSupported(column.Type))
                    throw new ArgumentException($"Condition column '{condition.ColumnName}' has type {column.Type}; the GAN was trained on {condition.Type}.", nameof(inputSchema));
                _conditionIndex = column.Index;
            }
            ReportHiddenInputColumns(parent, inputSchema);
        }

        // ML.NET's convention: an output column hides an input column of the same name, which stays in the schema
        // (IsHidden) but is no longer reachable by name. Said, not silent, because the input's values look alike.
        private static void ReportHiddenInputColumns(GanSampler parent, DataViewSchema inputSchema)
        {
            var hidden = parent.FeatureColumnNames.Where(name => inputSchema.GetColumnOrNull(name) is not null).ToArray();
            if (hidden.Length == 0) return;
            using var channel = parent.Host.Start("Transform");
            channel.Warning(
                $"Transform's synthetic columns hide the input's own columns of the same name ({string.Join(", ", hidden.Select(n => $"'{n}'"))}): "
                + "they stay in the output schema as hidden columns, and reading a column by name gives the synthetic values. "
                + "To keep both under names of their own, copy or rename the input's columns first (ml.Transforms.CopyColumns).");
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumnsCore() =>
            _parent._generator.Features.Columns.Select(c => new DataViewSchema.DetachedColumn(c.Name, c.Type)).ToArray();

        protected override Func<int, bool> GetDependenciesCore(Func<int, bool> activeOutput)
        {
            var anyActive = Enumerable.Range(0, _parent._generator.Features.Columns.Count).Any(activeOutput);
            return column => anyActive && column == _conditionIndex;
        }

        protected override Delegate MakeGetter(DataViewRow input, int iinfo, Func<int, bool> activeOutput, out Action disposer)
        {
            disposer = null!;
            var state = _rows.GetValue(input, row => new RowState(_parent, row, _conditionIndex));
            var encoders = _parent._generator.Features;
            var column = encoders.Columns[iinfo];
            return column.MakeGetter(state.Current, encoders.RawOffsetOf(iinfo));
        }

        protected override void SaveModel(ModelSaveContext ctx) => _parent.SaveModel(ctx);
    }

    // The noise is keyed on the input row's id, not its position: under a cursor set each cursor counts positions
    // from 0 over the rows it happens to get, so positions change from pass to pass; ids do not.
    private sealed class RowState(GanSampler parent, DataViewRow row, int conditionIndex)
    {
        private readonly Func<string?>? _condition = conditionIndex < 0 ? null
            : CategoryText.For(row.Schema[conditionIndex]).MakeReader(row, row.Schema[conditionIndex]);
        private readonly ValueGetter<DataViewRowId> _id = row.GetIdGetter();
        private long _position = -1;
        private float[] _values = Array.Empty<float>();

        public float[] Current()
        {
            if (_position == row.Position) return _values;
            var id = default(DataViewRowId);
            _id(ref id);
            var classes = _condition is null ? null : new[] { parent._generator.Condition!.IndexOfRowValue(_condition(), row.Position) };
            using var random = new TorchSharp.torch.Generator(RowSeeds.ForRow(parent.Seed, id));
            _values = parent._generator.Generate(1, GenerationRequest.ForClasses(classes) with { FirstRow = row.Position }, random);
            _position = row.Position;
            return _values;
        }
    }
}

using GanEstimators;
using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
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
public sealed partial class GanSampler : RowToRowTransformerBase, IDisposable
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

    /// <summary>The rules every generated row follows (<see cref="GanTrainer.Options.Constraints"/>, saved with the model); empty when it has none.</summary>
    public IReadOnlyList<GanConstraint> Constraints => _generator.Constraints?.Constraints ?? Array.Empty<GanConstraint>();

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
    /// values are written into the rows, so no rejection loop is involved and the call cannot come back short. When the
    /// request fixes categorical columns but not the class of a conditional GAN, each row's class is drawn by its
    /// frequency among the training rows with those values (as far as the model recorded their combinations).
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
        CheckCombination(resolved, conditionArgument);
        if (count > 0 && _generator.Constraints?.NumberingLimit(start + count - 1) is { } limit) throw new ArgumentOutOfRangeException(nameof(count), count, limit);
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
        if (_generator.Constraints?.NumberingLimit(numberFrom + count - 1) is { } limit) throw new ArgumentOutOfRangeException(nameof(count), count, limit);
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
    /// views generate their rows as they are read, so dispose the sampler after reading them). Safe while another
    /// thread samples or saves: the memory is released when that call ends.
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
        using var use = _generator.Use();
        GanSamplerFormat.Save(ctx, new SavedSampler(_generator, Seed, History, TrainingState));
    }

    private static GanSampler Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        var saved = GanSamplerFormat.Load(env, ctx);
        return new GanSampler(env, saved.Generator, saved.Seed, saved.History, saved.TrainingState);
    }

    private static IRowMapper Create(IHostEnvironment env, ModelLoadContext ctx, DataViewSchema inputSchema) =>
        Create(env, ctx).MakeRowMapper(inputSchema);
}

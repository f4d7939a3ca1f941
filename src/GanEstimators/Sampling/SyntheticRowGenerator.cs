using GanEstimators.Conditioning;
using GanEstimators.Constraints;
using GanEstimators.Encoding;
using GanEstimators.Native;
using GanEstimators.Networks;
using GanEstimators.Sampling.Calibration;
using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Sampling;

/// <summary>
/// A trained generator with the encoders around it: noise (drawn on the CPU, so a seed gives the same noise on any
/// device), conditions and a request in, decoded rows (raw feature values, row-major) out.
/// </summary>
internal sealed class SyntheticRowGenerator : IDisposable
{
    // Rows per forward pass. On a CPU shared with other work, chunks whose activations stay in cache sampled 25-40 %
    // faster than 8,192-row chunks; on an idle machine both are the same (flights-20k, BENCHMARKS.md). The same on
    // every device, so a seed draws the same noise on a GPU. Samples are generated lazily in chunks of this size.
    public const int ChunkRows = 2048;

    // Dispose may come from another thread while a call is in the network (a silo stopping under a shard, a host
    // shutting down under a request); the native memory is released only once no call holds it, never under one.
    private readonly object _lifetime = new();
    private int _callsInFlight;
    private volatile bool _disposed;

    public SyntheticRowGenerator(TableEncoder features, ConditionEncoder? condition, ConditionalVector categories, GeneratorNetwork generator, Device device)
    {
        Features = features;
        Condition = condition;
        Categories = categories;
        Network = generator;
        Device = device;
        Network.to(device).eval();
        ModeSpans = ModeSpanOffsets(features);
        _seenPairs = new Lazy<SeenPairs?>(() =>
        {
            var pairs = SeenPairs.For(Combinations, Features, Condition, Categories, Device);
            if (pairs?.Describe(Features, Condition) is { Count: > 0 } kept)
                Log($"Seen pairs: {string.Join("; ", kept)} are generated only in combinations seen in training (GanSampler.KeepSeenPairs).");
            return pairs;
        });
        _determinedAnnounced = new Lazy<DeterminedColumns?>(() =>
        {
            if (Determined is not null) Log(Determined.Describe(Features));
            return Determined;
        });
        _categoryOffsets = new Lazy<CategoryOffsets?>(() => CategoryCalibration.Fit(this, pairs: null));
        _categoryOffsetsWithPairs = new Lazy<CategoryOffsets?>(() =>
        {
            // Linked pairs act only through these offsets, so they are announced here.
            if (_seenPairs.Value?.DescribeLinked(Features, Condition) is { Count: > 0 } linked)
                Log($"Linked pairs: {string.Join("; ", linked)} are calibrated to their training shares without forbidding a combination (GanSampler.CalibrateCategories).");
            return CategoryCalibration.Fit(this, _seenPairs.Value);
        });
        _modeRule = new Lazy<(GanModeChoice, double)>(() => ModeChoiceRule.Choose(this));
        _defaultModeChoice = new Lazy<GanModeChoice>(() =>
        {
            var (choice, shift) = _modeRule.Value;
            if (ModeSpans.Count > 0)
                Log($"Mode choice: {choice}: taking each row's most likely mode {(choice == GanModeChoice.MostLikely ? "moves" : "would move")} a numeric column's mode frequencies by up to {shift:F3} (total variation; the limit is {ModeChoiceRule.MostShift}).");
            return choice;
        });
    }

    // The mode choice rule's decision and the largest shift it measured, decided once (silently); the default mode
    // choice is that decision, written to the log when it is first used.
    private readonly Lazy<(GanModeChoice Choice, double Shift)> _modeRule;
    private readonly Lazy<GanModeChoice> _defaultModeChoice;
    private GanModeChoice? _modeChoice;

    // The calibration's logit offsets (CategoryCalibration), fitted at first use, without and with the seen pairs kept;
    // null when the model has no categorical column.
    private readonly Lazy<CategoryOffsets?> _categoryOffsets, _categoryOffsetsWithPairs;

    // The pairs of categorical columns kept to their training combinations or linked (SeenPairs), found at first use; null when none.
    private readonly Lazy<SeenPairs?> _seenPairs;

    // Determined, said in the log at the first rows that use it.
    private readonly Lazy<DeterminedColumns?> _determinedAnnounced;

    /// <summary>Whether categories are drawn among the combinations seen in training where the data shows them all (<see cref="GanSampler.KeepSeenPairs"/>).</summary>
    public bool KeepSeenPairs { get; set; } = true;

    /// <summary>Whether categorical draws are calibrated (<see cref="GanSampler.CalibrateCategories"/>).</summary>
    public bool CalibrateCategories { get; set; } = true;

    // The quantile mapping of the numeric columns (NumberCalibration), fitted at first use for each mode choice and
    // category setting it is used with (the generated distribution depends on both); null when no column carries training quantiles.
    // The last flag: with the dependence among the columns that have training correlations (CalibrateDependence).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(GanModeChoice, bool, bool, bool), Lazy<NumberCalibration?>> _numberCalibrations = new();

    /// <summary>
    /// Whether numeric columns are mapped onto their training distributions (<see cref="GanSampler.CalibrateNumbers"/>);
    /// by default where the mode choice rule keeps drawing modes, not where it takes the most likely ones.
    /// </summary>
    public bool CalibrateNumbers
    {
        get => _calibrateNumbers ?? _modeRule.Value.Choice == GanModeChoice.Drawn;
        set => _calibrateNumbers = value;
    }

    private bool? _calibrateNumbers;

    /// <summary>The training rows' normal-score correlations of the numeric columns; null when none were measured (or an older model).</summary>
    public NormalScoreCorrelations? Correlations { get; init; }

    /// <summary>Whether calibrated numbers keep those correlations (<see cref="GanSampler.CalibrateDependence"/>).</summary>
    public bool CalibrateDependence { get; set; } = true;

    /// <summary>The generator output offsets of the mode-specific columns' mode spans.</summary>
    public IReadOnlySet<int> ModeSpans { get; }

    public TableEncoder Features { get; }

    public ConditionEncoder? Condition { get; }

    /// <summary>The categorical columns' conditional-vector layout and real slot frequencies.</summary>
    public ConditionalVector Categories { get; }

    public GeneratorNetwork Network { get; }

    public Device Device { get; }

    public int NoiseDimension => Network.Spec.NoiseDimension;

    /// <summary>The rules every generated row is made to follow (<see cref="GanTrainer.Options.Constraints"/>); null when the model has none.</summary>
    public ConstraintRules? Constraints { get; init; }

    /// <summary>The combinations the conditionable columns took in training, for telling an unseen exact request; null when not recorded.</summary>
    public SeenCombinations? Combinations { get; init; }

    /// <summary>The numeric columns the training rows fix by their categories or as a sum of two others; null when none (or an older model).</summary>
    public DeterminedColumns? Determined { get; init; }

    /// <summary>Whether those columns are written into generated rows (<see cref="GanSampler.KeepDeterminedValues"/>).</summary>
    public bool KeepDeterminedValues { get; set; } = true;

    /// <summary>libtorch's CPU threads while generating (null: the library's choice; see <see cref="LibTorchThreads.Hold"/>).</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>How mode-specific columns' modes are picked (<see cref="GanSampler.ModeChoice"/>); by default <see cref="ModeChoiceRule"/>'s choice, made at first use.</summary>
    public GanModeChoice ModeChoice
    {
        get => _modeChoice ?? _defaultModeChoice.Value;
        set => _modeChoice = value;
    }

    /// <summary>Where a change of libtorch's thread count is reported.</summary>
    public Action<string> Log { get; set; } = _ => { };

    /// <summary>
    /// Decoded rows satisfying <paramref name="request"/>, drawing all randomness from <paramref name="random"/>;
    /// <paramref name="repaired"/>, when given, is told per chunk how many rows each constraint rule changed (fixed combinations).
    /// </summary>
    public float[] Generate(int rows, GenerationRequest request, Generator random, Action<int[]>? repaired = null)
    {
        var (modeChoice, calibrateCategories, keepSeenPairs) = (ModeChoice, CalibrateCategories, KeepSeenPairs);
        var dependence = CalibrateDependence && Correlations is not null;
        var numbers = CalibrateNumbers
            ? _numberCalibrations.GetOrAdd((modeChoice, calibrateCategories, keepSeenPairs, dependence), key => new Lazy<NumberCalibration?>(() => FitNumbers(key))).Value
            : null;
        return Generate(rows, request, random, repaired, modeChoice, calibrateCategories, keepSeenPairs, numbers, applyConstraints: true);
    }

    private NumberCalibration? FitNumbers((GanModeChoice ModeChoice, bool CalibrateCategories, bool KeepSeenPairs, bool Dependence) key)
    {
        var calibration = NumberCalibration.Fit(this, key.ModeChoice, key.CalibrateCategories, key.KeepSeenPairs, key.Dependence ? Correlations : null);
        if (calibration?.DescribeDependence(Features) is { } line) Log(line);
        return calibration;
    }

    /// <summary>
    /// Decoded rows as the generator makes them with this mode choice and category setting, with no number
    /// calibration or constraints: what <see cref="NumberCalibration"/> measures.
    /// </summary>
    public float[] GenerateUncalibratedNumbers(int rows, GenerationRequest request, Generator random, GanModeChoice modeChoice, bool calibrateCategories, bool keepSeenPairs) =>
        Generate(rows, request, random, repaired: null, modeChoice, calibrateCategories, keepSeenPairs, numbers: null, applyConstraints: false);

    private float[] Generate(int rows, GenerationRequest request, Generator random, Action<int[]>? repaired,
        GanModeChoice modeChoice, bool calibrateCategories, bool keepSeenPairs, NumberCalibration? numbers, bool applyConstraints)
    {
        using var use = Use();
        if ((long)rows * Features.RawWidth > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(rows), rows,
                $"Cannot generate {rows} rows of {Features.RawWidth} values in one array (at most {Array.MaxLength} values); read them from a sample's cursor, which generates {ChunkRows} rows at a time.");
        var raw = new float[rows * Features.RawWidth];
        using var threads = LibTorchThreads.Hold(NumberOfThreads, Log, LibTorchThreads.SamplerOption);
        var mostLikely = modeChoice == GanModeChoice.MostLikely ? ModeSpans : null;
        // Linked pairs act only through calibrated tables: without them, a model with no kept pair draws as without pairs.
        var pairs = keepSeenPairs && (calibrateCategories || _seenPairs.Value?.AnyKept == true) ? _seenPairs.Value : null;
        var determined = KeepDeterminedValues && applyConstraints ? _determinedAnnounced.Value : null;
        var offsets = !calibrateCategories ? null : pairs is null ? _categoryOffsets.Value : _categoryOffsetsWithPairs.Value;
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var noise = TorchRandom.Normal(new long[] { count, NoiseDimension }, Device, random);
            var decodeRandom = TorchRandom.DerivedRandom(random);
            var known = UnknownValues(pairs, count);
            using var conditions = Conditions(start, count, request, decodeRandom, drawn: null, known);
            using var draws = pairs?.Start(known!, offsets?.PairTables);
            using var deviceRandom = new Generator((ulong)decodeRandom.NextInt64());
            var encoded = Network.Sample(noise, conditions, deviceRandom, mostLikely, offsets?.Columns, draws).cpu().contiguous();
            var chunk = raw.AsSpan(start * Features.RawWidth, count * Features.RawWidth);
            Features.Decode(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(encoded.bytes), count, chunk, decodeRandom);
            if (numbers is not null) numbers.Apply(chunk, count, Features.RawWidth, new Random(decodeRandom.Next()));
            foreach (var fixedCategory in request.FixedCategories)
            {
                var offset = Features.RawOffsetOf(fixedCategory.ColumnIndex);
                for (var r = 0; r < count; r++) chunk[r * Features.RawWidth + offset] = fixedCategory.RawValue;
            }
            if (applyConstraints && Constraints is { } rules)
            {
                var changed = rules.Apply(chunk, count, Features.RawWidth, request, start, decodeRandom);
                repaired?.Invoke(changed);
            }
            // After the constraints: a fixed combination's repair changes a row's categories (no constrained column has a rule).
            determined?.Apply(chunk, count, Features);
        }
        return raw;
    }

    // The generator output offsets of the mode-specific columns' mode spans (their softmax spans).
    private static IReadOnlySet<int> ModeSpanOffsets(TableEncoder features)
    {
        var offsets = new HashSet<int>();
        var start = 0;
        foreach (var column in features.Columns)
        {
            if (column is ModeSpecificEncoder)
                offsets.UnionWith(column.Spans.Where(s => s.Activation == SpanActivation.Softmax).Select(s => start + s.Offset));
            start += column.EncodedWidth;
        }
        return offsets;
    }

    // The conditions' one-hot entries, row by row: the class label first, then the categories (fixed or drawn), in
    // ascending vector position as ActiveConditions requires.
    internal ActiveConditions? Conditions(int start, int count, GenerationRequest request, Random random) =>
        Conditions(start, count, request, random, drawn: null, known: null);

    // drawn, when given, receives the (row, vector position) of every categorical condition drawn (not fixed); known,
    // when given (SeenPairs' columns × count, filled with -1), receives the slot each condition fixes in each row.
    internal ActiveConditions? Conditions(int start, int count, GenerationRequest request, Random random, List<(int Row, int Position)>? drawn, int[][]? known = null)
    {
        if (Condition is null && Categories.Width == 0) return null;
        var labelWidth = Condition?.Count ?? 0;
        var fixedPositions = request.FixedCategories.Select(c => labelWidth + c.ConditionIndex).Order().ToArray();
        var rows = new List<long>(2 * count);
        var columns = new List<long>(2 * count);
        for (var r = 0; r < count; r++)
        {
            if (Condition is not null)
            {
                rows.Add(r);
                columns.Add(request.ClassIndices![start + r]);
                if (known is not null) known[^1][r] = request.ClassIndices![start + r];
            }
            if (Categories.Width == 0) continue;
            if (fixedPositions.Length == 0)
            {
                var position = SamplingDraws.Position(Categories, random, request.ClassIndices?[start + r] ?? -1);
                if (position < 0) continue;
                rows.Add(r);
                columns.Add(labelWidth + position);
                drawn?.Add((r, position));
                if (known is not null) Know(known, r, position);
            }
            else
                foreach (var position in fixedPositions)
                {
                    rows.Add(r);
                    columns.Add(position);
                    if (known is not null) Know(known, r, position - labelWidth);
                }
        }
        return ActiveConditions.OfOnes(rows.ToArray(), columns.ToArray(), Device);
    }

    private void Know(int[][] known, int row, int vectorPosition)
    {
        for (var c = 0; c < Categories.Columns.Count; c++)
        {
            var column = Categories.Columns[c];
            if (column.Holds(vectorPosition))
            {
                known[c][row] = vectorPosition - column.VectorOffset;
                return;
            }
        }
    }

    /// <summary>A (columns × <paramref name="count"/>) table of -1s for the conditions to fill, when <paramref name="pairs"/> needs one.</summary>
    internal static int[][]? UnknownValues(SeenPairs? pairs, int count) =>
        pairs is null ? null : Enumerable.Range(0, pairs.ColumnCount).Select(_ => Enumerable.Repeat(-1, count).ToArray()).ToArray();

    public void ThrowIfDisposed()
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(GanSampler),
                "This GanSampler has been disposed, which released its generator's native memory; load or train the model again to sample from it (and dispose it only after its samples have been read).");
    }

    /// <summary>
    /// Holds the native memory for one call (nested calls may each hold it): a <see cref="Dispose"/> meanwhile, from any
    /// thread, takes effect at once for new calls and releases the memory when the last holder ends.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The generator is already disposed.</exception>
    public NativeUse Use()
    {
        lock (_lifetime)
        {
            ThrowIfDisposed();
            _callsInFlight++;
        }
        return new NativeUse(this);
    }

    private void EndUse()
    {
        bool release;
        lock (_lifetime) release = --_callsInFlight == 0 && _disposed;
        if (release) ReleaseNativeMemory();
    }

    public void Dispose()
    {
        bool release;
        lock (_lifetime)
        {
            if (_disposed) return;
            _disposed = true;
            release = _callsInFlight == 0;
        }
        if (release) ReleaseNativeMemory();
    }

    private void ReleaseNativeMemory()
    {
        Network.Dispose();
        if (_categoryOffsets.IsValueCreated) _categoryOffsets.Value?.Dispose();
        if (_categoryOffsetsWithPairs.IsValueCreated) _categoryOffsetsWithPairs.Value?.Dispose();
        if (_seenPairs.IsValueCreated) _seenPairs.Value?.Dispose();
    }

    /// <summary>One holder of the native memory (see <see cref="Use"/>).</summary>
    public readonly struct NativeUse(SyntheticRowGenerator owner) : IDisposable
    {
        public void Dispose() => owner.EndUse();
    }
}

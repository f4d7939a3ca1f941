using GanEstimators.Networks;
using GanEstimators.Serialization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Encoding;

/// <summary>
/// A categorical column (text, boolean, key, or an integer column declared categorical) as a one-hot span the
/// generator fills through a Gumbel-softmax head. The raw table holds each row's level id (levels in order of first
/// appearance; NaN = missing). Missing values get a slot of their own. A column with more levels than
/// <see cref="MaxSlots"/> keeps the most frequent ones and pools the rest into one "other" slot, which decodes to one
/// of the pooled levels drawn by their training frequencies — so only levels seen in training ever come out.
/// </summary>
internal sealed class CategoricalEncoder : ColumnEncoder
{
    public const string KindName = "categorical";

    private readonly CategoryText _text;
    private CategoryVocabulary? _vocabulary;           // null until fitted; then never changed
    private int[] _slotLevels = Array.Empty<int>();   // slot → level id; -1 for the other and missing slots
    private int[] _slotOfLevel = Array.Empty<int>();  // level id → slot
    private int _otherSlot = -1, _missingSlot = -1;
    private int[] _otherLevels = Array.Empty<int>();
    private double[] _otherCumulative = Array.Empty<double>();

    public CategoricalEncoder(string name, DataViewType type, ReadOnlyMemory<char>[]? keyValues, int maxSlots) : base(name, type)
    {
        if (!CategoryText.IsSupported(type))
            throw new ArgumentException($"Column '{name}' has type {type}; a categorical column must be {CategoryText.ExpectedTypes}.", nameof(type));
        _text = new CategoryText(type, keyValues);
        MaxSlots = maxSlots;
    }

    public override string Kind => KindName;

    public int MaxSlots { get; }

    public override int RawWidth => 1;

    public override int EncodedWidth => _slotLevels.Length;

    public override IReadOnlyList<OutputSpan> Spans => new[] { new OutputSpan(0, EncodedWidth, SpanActivation.Softmax) };

    public override bool AllowsMissing => true;

    /// <summary>The levels seen when the encoder was fitted, in invariant text form (order of first appearance).</summary>
    public IReadOnlyList<string> Levels => Vocabulary.Levels.Take(_slotOfLevel.Length).ToArray();

    private CategoryVocabulary Vocabulary =>
        _vocabulary ?? throw new InvalidOperationException($"Categorical column '{Name}' has not been fitted.");

    // Models saved by versions whose reader added levels to a resumed encoder may hold levels past the fitted ones;
    // those have no slot of their own, like a level a resumed training meets for the first time.
    private bool HasOwnSlot(int level) => level < _slotOfLevel.Length;

    /// <summary>The level ids of the rows in each slot are what training-by-sampling draws from; this maps a raw value to its slot.</summary>
    public int SlotOf(float raw)
    {
        if (float.IsNaN(raw)) return _missingSlot >= 0 ? _missingSlot : throw MissingNotSeen();
        var level = (int)raw;
        if (HasOwnSlot(level)) return _slotOfLevel[level];
        return _otherSlot >= 0 ? _otherSlot
            : throw new ArgumentException($"Categorical column '{Name}' has a value (level {level}) that was not seen when the model was first trained.", "data");
    }

    /// <summary>The slot and raw value that stand for <paramref name="value"/> (invariant text), for exact conditional sampling.</summary>
    public (int Slot, float Raw) Resolve(string value)
    {
        if (Vocabulary.TryIdOf(value, out var level) && HasOwnSlot(level)) return (_slotOfLevel[level], level);
        var known = CategoryVocabulary.FirstSeen(_text, Levels);
        throw new ArgumentException(
            $"Value '{value}' was not seen in column '{Name}' during training. Known values: {known.Describe()}.",
            "conditions");
    }

    /// <summary>How many level ids the raw values can hold (the vocabulary's size).</summary>
    public int LevelCount => Vocabulary.Count;

    public string? LevelName(float raw) => float.IsNaN(raw) ? null : Vocabulary.Levels[(int)raw];

    /// <summary>
    /// Levels a resumed training met that have no slot of their own: with a pooled slot they train in it (and it still
    /// decodes to the levels pooled when the model was fitted); without one they are an error naming the column and level.
    /// </summary>
    public void CheckUnseen(LevelsRead levels, float[] raw, int rows, int stride, int offset)
    {
        if (_otherSlot >= 0 || _vocabulary is null) return;
        var unseen = levels.Levels.Skip(_slotOfLevel.Length).ToArray();
        if (unseen.Length == 0) return;
        int badRows = 0, firstBad = -1;
        for (var r = 0; r < rows; r++)
        {
            var v = raw[r * stride + offset];
            if (float.IsNaN(v) || HasOwnSlot((int)v)) continue;
            badRows++;
            if (firstBad < 0) firstBad = r;
        }
        if (badRows == 0) return;
        throw new ArgumentException(
            $"Categorical column '{Name}' has value{(unseen.Length > 1 ? "s" : "")} {string.Join(", ", unseen.Take(5).Select(l => $"'{l}'"))}{(unseen.Length > 5 ? $", … ({unseen.Length} in all)" : "")} " +
            $"in {badRows} of {rows} rows (first at row {firstBad}), which the model did not see when it was first trained and has no slot for. " +
            $"Filter those rows out to resume, or train a new model on data with every level.", "data");
    }

    /// <summary>
    /// Fits the encoder, once, to a fresh read of its column: the read's levels become the vocabulary, in the order the
    /// read first met them, and the most frequent keep a slot of their own.
    /// </summary>
    public void Fit(ReadOnlySpan<float> rawColumn, int rows, LevelsRead levels)
    {
        if (_vocabulary is not null) throw new InvalidOperationException($"Categorical column '{Name}' is already fitted; a fitted encoder never changes.");
        _vocabulary = CategoryVocabulary.FirstSeen(_text, levels.Levels);
        var counts = new int[_vocabulary.Count];
        var missing = 0;
        foreach (var v in rawColumn[..rows])
        {
            if (float.IsNaN(v)) missing++;
            else counts[(int)v]++;
        }
        var capacity = MaxSlots - (missing > 0 ? 1 : 0);
        var kept = counts.Length <= capacity
            ? Enumerable.Range(0, counts.Length).ToArray()
            : Enumerable.Range(0, counts.Length).OrderByDescending(l => counts[l]).ThenBy(l => l).Take(capacity - 1).Order().ToArray();
        var pooled = Enumerable.Range(0, counts.Length).Except(kept).ToArray();

        var slots = kept.ToList();
        _slotOfLevel = new int[counts.Length];
        for (var s = 0; s < kept.Length; s++) _slotOfLevel[kept[s]] = s;
        _otherSlot = _missingSlot = -1;
        if (pooled.Length > 0)
        {
            _otherSlot = slots.Count;
            slots.Add(-1);
            foreach (var level in pooled) _slotOfLevel[level] = _otherSlot;
        }
        if (missing > 0)
        {
            _missingSlot = slots.Count;
            slots.Add(-1);
        }
        _slotLevels = slots.ToArray();
        _otherLevels = pooled;
        _otherCumulative = CumulativeWeights.Of(pooled.Select(l => (double)counts[l]));
    }

    /// <summary>A note for the training log when levels were pooled, else null.</summary>
    public string? PoolingNote(int rows) => _otherLevels.Length == 0 ? null
        : $"Categorical column '{Name}' has {Vocabulary.Count} levels, more than MaxCategorySlots {MaxSlots}: the {_slotOfLevel.Length - _otherLevels.Length} most frequent keep their own slot, the other {_otherLevels.Length} share one and are decoded by their training frequencies.";

    public override void Encode(ReadOnlySpan<float> raw, Span<float> encoded, Random random)
    {
        encoded[..EncodedWidth].Clear();
        encoded[SlotOf(raw[0])] = 1;
    }

    public override void Decode(ReadOnlySpan<float> encoded, Span<float> raw, Random random)
    {
        var slot = FirstLargest.IndexOf(encoded[.._slotLevels.Length]);
        raw[0] = slot == _missingSlot ? float.NaN
            : slot == _otherSlot ? _otherLevels[CumulativeWeights.Draw(_otherCumulative, random)]
            : _slotLevels[slot];
    }

    /// <summary>Where one read of a table numbers the levels it meets: the fitted ones keep their ids, unseen ones follow.</summary>
    public LevelsRead StartReading() => new(_vocabulary);

    /// <summary>Copies the current row's level id in <paramref name="levels"/> (NaN when missing) into the raw span.</summary>
    public NumericConversion.ValueReader MakeReader(DataViewRow row, DataViewSchema.Column column, LevelsRead levels)
    {
        var read = _text.MakeReader(row, column);
        return destination => destination[0] = read() is { } value ? levels.IdOf(value) : float.NaN;
    }

    public override Delegate MakeGetter(Func<float[]> currentRow, int offset) =>
        _text.MakeGetter(() => LevelName(currentRow()[offset]));

    public override void AddColumn(ArrayDataViewBuilder builder, float[] raw, int rows, int offset, int stride)
    {
        var values = new string?[rows];
        for (var r = 0; r < rows; r++) values[r] = LevelName(raw[r * stride + offset]);
        _text.AddColumn(builder, Name, values);
    }

    private ArgumentException MissingNotSeen() =>
        new($"Categorical column '{Name}' has a missing value, but had none when the model was first trained.", "data");

    public override void Save(BinaryWriter writer)
    {
        _text.Save(writer);
        writer.Write(MaxSlots);
        Vocabulary.SaveLevels(writer);
        writer.Write(_slotLevels.Length);
        foreach (var level in _slotLevels) writer.Write(level);
        writer.Write(_slotOfLevel.Length);
        foreach (var slot in _slotOfLevel) writer.Write(slot);
        writer.Write(_otherSlot);
        writer.Write(_missingSlot);
        writer.Write(_otherLevels.Length);
        for (var i = 0; i < _otherLevels.Length; i++)
        {
            writer.Write(_otherLevels[i]);
            writer.Write(_otherCumulative[i]);
        }
    }

    public static CategoricalEncoder Load(BinaryReader reader, string name, DataViewType type)
    {
        var text = CategoryText.Load(reader, type);
        var encoder = new CategoricalEncoder(name, type, text.KeyValues, reader.ReadInt32InRange("MaxCategorySlots", 2, int.MaxValue));
        encoder._vocabulary = CategoryVocabulary.LoadLevels(reader, text);
        var levels = encoder._vocabulary.Count;
        var slots = reader.ReadCount("number of slots", levels + 2, bytesPerItem: 4, min: 1);
        encoder._slotLevels = ReadInts(reader, slots, "level of a slot", -1, levels - 1);
        encoder._slotOfLevel = ReadInts(reader, reader.ReadCount("number of levels with a slot", levels, bytesPerItem: 4), "slot of a level", 0, slots - 1);
        encoder._otherSlot = reader.ReadInt32InRange("slot of pooled levels", -1, slots - 1);
        encoder._missingSlot = reader.ReadInt32InRange("slot of missing values", -1, slots - 1);
        var pooled = reader.ReadCount("number of pooled levels", levels, bytesPerItem: 12);
        encoder._otherLevels = new int[pooled];
        encoder._otherCumulative = new double[pooled];
        for (var i = 0; i < pooled; i++)
        {
            encoder._otherLevels[i] = reader.ReadInt32InRange("pooled level", 0, levels - 1);
            encoder._otherCumulative[i] = reader.ReadFiniteDouble("cumulative frequency of a pooled level");
        }
        encoder.CheckSlots();
        return encoder;
    }

    // Decode reads a level for every slot but the pooled and missing ones, and draws from the pooled levels when the
    // pooled slot wins: each must exist, or sampling would fail long after loading.
    private void CheckSlots()
    {
        if (_otherSlot >= 0 && _otherSlot == _missingSlot) throw new InvalidDataException("The saved pooled and missing slots are the same slot.");
        for (var s = 0; s < _slotLevels.Length; s++)
            if (s != _otherSlot && s != _missingSlot && _slotLevels[s] < 0)
                throw new InvalidDataException($"The saved slot {s} has no level.");
        if ((_otherSlot >= 0) != (_otherLevels.Length > 0))
            throw new InvalidDataException($"The saved pooled slot is {_otherSlot} with {_otherLevels.Length} pooled levels; both must be present or neither.");
        if (_otherCumulative.Length > 0 && !(_otherCumulative[^1] > 0))
            throw new InvalidDataException("The saved frequencies of the pooled levels are not positive.");
    }

    private static int[] ReadInts(BinaryReader reader, int count, string what, int min, int max)
    {
        var values = new int[count];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt32InRange(what, min, max);
        return values;
    }
}

using GanEstimators.Networks;
using GanEstimators.Serialization;
namespace GanEstimators.Encoding;

/// <summary>
/// The feature columns side by side: knows where each column lives in the raw table and in the encoded vector,
/// and encodes or decodes whole row-major blocks.
/// </summary>
internal sealed class TableEncoder
{
    private readonly int[] _rawOffsets;
    private readonly int[] _encodedOffsets;

    public TableEncoder(IReadOnlyList<ColumnEncoder> columns)
    {
        Columns = columns;
        _rawOffsets = new int[columns.Count];
        _encodedOffsets = new int[columns.Count];
        Layout();
    }

    // Encoded widths are only known once the encoders are fitted (mixture modes, category levels).
    private void Layout()
    {
        RawWidth = EncodedWidth = 0;
        for (var i = 0; i < Columns.Count; i++)
        {
            _rawOffsets[i] = RawWidth;
            _encodedOffsets[i] = EncodedWidth;
            RawWidth += Columns[i].RawWidth;
            EncodedWidth += Columns[i].EncodedWidth;
        }
    }

    public IReadOnlyList<ColumnEncoder> Columns { get; }

    /// <summary>Every column's output spans, at their offsets in the encoded row.</summary>
    public IReadOnlyList<OutputSpan> Spans => Columns.SelectMany((c, i) => c.Spans.Select(s => s.Shift(_encodedOffsets[i]))).ToArray();

    public int RawWidth { get; private set; }

    public int EncodedWidth { get; private set; }

    public int RawOffsetOf(int column) => _rawOffsets[column];

    public int EncodedOffsetOf(int column) => _encodedOffsets[column];

    public int IndexOf(string name)
    {
        for (var c = 0; c < Columns.Count; c++)
            if (Columns[c].Name == name) return c;
        return -1;
    }

    /// <summary>
    /// Fits fresh encoders, once, to a table read with them; a fitted encoder is never fitted again (resuming keeps it).
    /// A table of more than <paramref name="fittingRows"/> rows fits the numeric encoders' costly parts (mixtures) to a
    /// seeded uniform sample of that many rows, the same rows for every column (<see cref="FittingSample"/>).
    /// </summary>
    public void Fit(TrainingTable table, int seed, int fittingRows = int.MaxValue)
    {
        var rows = table.Rows;
        var sampleRows = FittingSample.Rows(rows, fittingRows, seed);
        // One buffer serves every column (no encoder keeps the span it is fitted to).
        var buffer = new float[TableSize.Length(rows, Columns.Count == 0 ? 0 : Columns.Max(c => c.RawWidth), "raw")];
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            var slice = buffer.AsSpan(0, rows * column.RawWidth);
            for (var r = 0; r < rows; r++)
                table.Raw.AsSpan(r * RawWidth + _rawOffsets[c], column.RawWidth).CopyTo(slice.Slice(r * column.RawWidth));
            switch (column)
            {
                case CategoricalEncoder categorical:
                    categorical.Fit(slice, rows, table.Levels[c]!);
                    break;
                case NumericColumnEncoder numeric:
                    numeric.Fit(slice, rows, seed + c, sampleRows);
                    break;
            }
        }
        Layout();
    }

    /// <summary>An independent copy (through the saved form), so training on from a sampler never reaches the sampler's own encoders.</summary>
    public TableEncoder Copy()
    {
        using var reader = new BinaryReader(new MemoryStream(SerialisedBytes.Of(Save), writable: false));
        return Load(reader, ModelFormatVersions.Current);
    }

    /// <summary>Encodes whole rows; <paramref name="seed"/> makes the encoders that sample (mixture modes) reproducible.</summary>
    public float[] Encode(float[] raw, int rows, int seed)
    {
        var random = new Random(seed);
        var encoded = new float[TableSize.Length(rows, EncodedWidth, "encoded")];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < Columns.Count; c++)
                Columns[c].Encode(
                    raw.AsSpan(r * RawWidth + _rawOffsets[c], Columns[c].RawWidth),
                    encoded.AsSpan(r * EncodedWidth + _encodedOffsets[c], Columns[c].EncodedWidth), random);
        return encoded;
    }

    /// <summary>Decodes <paramref name="rows"/> encoded rows into <paramref name="raw"/> (rows × <see cref="RawWidth"/>).</summary>
    public void Decode(ReadOnlySpan<float> encoded, int rows, Span<float> raw, Random random)
    {
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < Columns.Count; c++)
                Columns[c].Decode(
                    encoded.Slice(r * EncodedWidth + _encodedOffsets[c], Columns[c].EncodedWidth),
                    raw.Slice(r * RawWidth + _rawOffsets[c], Columns[c].RawWidth), random);
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(Columns.Count);
        foreach (var column in Columns)
        {
            writer.Write(column.Kind);
            writer.Write(column.Name);
            DataViewTypeCodec.Write(writer, column.Type);
            column.Save(writer);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote, in the layout of the saved model's format version.</summary>
    /// <remarks>Every size is bounded before it is used (<see cref="ModelLimits"/>); errors name the column being read.</remarks>
    public static TableEncoder Load(BinaryReader reader, uint formatVersion)
    {
        var columns = new ColumnEncoder[reader.ReadCount("number of feature columns", ModelLimits.MaxColumns, bytesPerItem: 8, min: 1)];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var kind = reader.ReadBoundedString($"encoder kind of feature column {i}");
            if (kind is not (StandardScalingEncoder.KindName or ModeSpecificEncoder.KindName or CategoricalEncoder.KindName or ImagePixelEncoder.KindName))
                throw new InvalidDataException($"Feature column {i} was saved with encoder '{SavedModelReading.Printable(kind)}', which this version of GanEstimators does not know.");
            var name = reader.ReadBoundedString($"name of feature column {i}");
            if (!names.Add(name)) throw new InvalidDataException($"The saved feature columns name '{name}' twice.");
            try
            {
                var type = DataViewTypeCodec.Read(reader);
                columns[i] = kind switch
                {
                    StandardScalingEncoder.KindName => StandardScalingEncoder.Load(reader, name, type),
                    ModeSpecificEncoder.KindName => ModeSpecificEncoder.Load(reader, name, type,
                        withValueSets: formatVersion >= ModelFormatVersions.ObservedValuesVersion,
                        withPointMasses: formatVersion >= ModelFormatVersions.PointMassesVersion,
                        withQuantiles: formatVersion >= ModelFormatVersions.QuantilesVersion),
                    CategoricalEncoder.KindName => CategoricalEncoder.Load(reader, name, type),
                    ImagePixelEncoder.KindName => ImagePixelEncoder.Load(reader, name, type),
                    _ => throw new InvalidDataException($"it was saved with encoder '{kind}', which this version of GanEstimators does not know."),
                };
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException)
            {
                throw new InvalidDataException($"Feature column '{name}' ({kind}): {(e is EndOfStreamException ? "the saved encoder ends early (truncated)." : e.Message)}", e);
            }
        }
        return new TableEncoder(columns);
    }
}

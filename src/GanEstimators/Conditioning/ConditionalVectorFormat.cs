using GanEstimators.Serialization;

namespace GanEstimators.Conditioning;

/// <summary>How a <see cref="ConditionalVector"/> is saved in a model: its layout and frequencies, not the training rows.</summary>
internal static class ConditionalVectorFormat
{
    public static void Save(ConditionalVector vector, BinaryWriter writer)
    {
        writer.Write(vector.Columns.Count);
        foreach (var column in vector.Columns)
        {
            writer.Write(column.EncodedOffset);
            writer.Write(column.VectorOffset);
            writer.Write(column.Width);
            WriteCumulative(writer, column.Cumulative);
            writer.Write(column.CumulativeByClass?.Length ?? 0);
            foreach (var withinClass in column.CumulativeByClass ?? Array.Empty<double[]?>())
            {
                writer.Write(withinClass is not null);
                if (withinClass is not null) WriteCumulative(writer, withinClass);
            }
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; models before format 0x00010007 have no frequencies within classes.</summary>
    public static ConditionalVector Load(BinaryReader reader, bool withinClasses)
    {
        var columns = new ConditionalVector.Column[reader.ReadCount("number of categorical conditions", ModelLimits.MaxColumns + 1, bytesPerItem: 16)];
        for (var i = 0; i < columns.Length; i++)
        {
            int encodedOffset = reader.ReadInt32(), vectorOffset = reader.ReadInt32(), width = reader.ReadInt32();
            var cumulative = ReadCumulative(reader);
            double[]?[]? byClass = null;
            if (withinClasses)
            {
                byClass = new double[reader.ReadCount("number of classes with category frequencies", ModelLimits.MaxConditionClasses, bytesPerItem: 1)][];
                for (var k = 0; k < byClass.Length; k++) byClass[k] = reader.ReadBoolean() ? ReadCumulative(reader) : null;
                if (byClass.Length == 0) byClass = null;
            }
            columns[i] = new ConditionalVector.Column(encodedOffset, vectorOffset, width, cumulative, byClass);
        }
        return new ConditionalVector(columns);
    }

    private static void WriteCumulative(BinaryWriter writer, double[] cumulative)
    {
        writer.Write(cumulative.Length);
        foreach (var p in cumulative) writer.Write(p);
    }

    private static double[] ReadCumulative(BinaryReader reader)
    {
        var cumulative = new double[reader.ReadCount("number of category frequencies", ModelLimits.MaxCategoryLevels + 2, bytesPerItem: 8, min: 1)];
        for (var k = 0; k < cumulative.Length; k++)
        {
            cumulative[k] = reader.ReadFiniteDouble("cumulative category frequency");
            if (cumulative[k] < (k > 0 ? cumulative[k - 1] : 0)) throw new InvalidDataException("The saved cumulative category frequencies decrease.");
        }
        if (!(cumulative[^1] > 0)) throw new InvalidDataException("The saved category frequencies are all zero.");
        return cumulative;
    }
}

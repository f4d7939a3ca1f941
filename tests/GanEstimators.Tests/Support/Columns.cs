using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Support;

public static class Columns
{
    public static T[] Read<T>(IDataView data, string name) => data.GetColumn<T>(name).ToArray();

    /// <summary>A text column's values as strings.</summary>
    public static string[] Text(IDataView data, string name) => data.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString()).ToArray();

    /// <summary>Every value of a vector column, row after row (the pixels of all images, say).</summary>
    public static float[] Flat(IDataView data, string name) => data.GetColumn<float[]>(name).SelectMany(v => v).ToArray();

    public static double[][] Points(IDataView data, string x = "X", string y = "Y")
    {
        var xs = Read<float>(data, x);
        var ys = Read<float>(data, y);
        return xs.Select((v, i) => new double[] { v, ys[i] }).ToArray();
    }
}

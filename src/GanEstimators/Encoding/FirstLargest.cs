using System.Runtime.InteropServices;

namespace GanEstimators.Encoding;

/// <summary>
/// The slot a decoded one-hot span chose: the index of its first largest value. Sampling writes exact one-hot spans
/// (a single 1 among zeros), which two vectorised scans of the bits find; anything else (training's soft spans, a
/// negative zero) takes the plain comparison loop, so the answer is the loop's in every case.
/// </summary>
internal static class FirstLargest
{
    private const int OneBits = 0x3F800000;

    public static int IndexOf(ReadOnlySpan<float> values)
    {
        var bits = MemoryMarshal.Cast<float, int>(values);
        var hot = bits.IndexOfAnyExcept(0);
        if (hot >= 0 && bits[hot] == OneBits && bits[(hot + 1)..].IndexOfAnyExcept(0) < 0) return hot;
        var largest = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[largest]) largest = i;
        return largest;
    }
}

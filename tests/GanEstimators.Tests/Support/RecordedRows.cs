using System.Globalization;

namespace GanEstimators.Tests.Support;

/// <summary>
/// Compares rows generated now with rows recorded on another machine. libtorch picks other kernels on other CPUs, so
/// floats may differ in their last bits: numbers match within a stated tolerance, every other field exactly.
/// </summary>
internal static class RecordedRows
{
    /// <summary>Recorded rows are written with 7-9 significant digits; kernels differ around the 7th.</summary>
    public const double RelativeTolerance = 1e-4;
    public const double AbsoluteTolerance = 1e-5;

    private static readonly char[] Separators = { ',', ' ' };

    /// <summary>Asserts that <paramref name="actual"/> has the recorded rows' fields, numbers within the tolerance; returns the largest number difference.</summary>
    public static double AssertClose(IReadOnlyList<string> recorded, IReadOnlyList<string> actual)
    {
        Assert.HasCount(recorded.Count, actual, "rows");
        var largest = 0.0;
        for (var row = 0; row < recorded.Count; row++)
        {
            var expectedFields = recorded[row].Split(Separators);
            var actualFields = actual[row].Split(Separators);
            Assert.HasCount(expectedFields.Length, actualFields, $"fields of row {row}");
            for (var field = 0; field < expectedFields.Length; field++)
            {
                var (expected, got) = (expectedFields[field], actualFields[field]);
                if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
                    && double.TryParse(got, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
                {
                    var difference = Math.Abs(a - e);
                    largest = Math.Max(largest, difference);
                    Assert.IsLessThanOrEqualTo(AbsoluteTolerance + RelativeTolerance * Math.Abs(e), difference, $"row {row}, field {field}: recorded {expected}, now {got}");
                }
                else
                {
                    Assert.AreEqual(expected, got, $"row {row}, field {field}");
                }
            }
        }
        return largest;
    }
}

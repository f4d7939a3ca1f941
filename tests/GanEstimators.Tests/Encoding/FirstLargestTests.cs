using GanEstimators.Encoding;

namespace GanEstimators.Tests.Encoding;

/// <summary>The decoders' slot choice: the first largest value, found fast on exact one-hot spans and by comparison otherwise.</summary>
[TestClass]
public sealed class FirstLargestTests
{
    private static int Loop(float[] values)
    {
        var largest = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[largest]) largest = i;
        return largest;
    }

    [TestMethod]
    [DataRow(new[] { 0f, 0f, 1f, 0f }, 2)]
    [DataRow(new[] { 1f }, 0)]
    [DataRow(new[] { 0f, 0f, 0f }, 0)]
    [DataRow(new[] { 0.1f, 0.7f, 0.2f }, 1)]
    [DataRow(new[] { 0f, 1f, 1f }, 1)]
    [DataRow(new[] { -0f, 0f, 1f }, 2)]
    [DataRow(new[] { 0f, 2f, 0f, 1f }, 1)]
    [DataRow(new[] { 0f, 1f, 0f, 3f }, 3)]
    [DataRow(new[] { -1f, -3f, -0.5f }, 2)]
    [DataRow(new[] { float.NaN, 0f, 1f }, 0)]
    public void ChoosesWhatTheComparisonLoopChooses(float[] values, int expected)
    {
        Assert.AreEqual(expected, Loop(values));
        Assert.AreEqual(expected, FirstLargest.IndexOf(values));
    }

    [TestMethod]
    public void AgreesWithTheLoopOnWideOneHotAndSoftSpans()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var values = new float[1 + random.Next(300)];
            if (trial % 2 == 0) values[random.Next(values.Length)] = 1;
            else for (var i = 0; i < values.Length; i++) values[i] = random.Next(4) == 0 ? 0 : (float)random.NextDouble();
            Assert.AreEqual(Loop(values), FirstLargest.IndexOf(values), string.Join(",", values));
        }
    }
}

using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Conditional;

[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class ConditionalSamplingTests
{
    private static GanSampler? _sampler;

    private static GanSampler Sampler => _sampler ??= RingTraining.Fit(
        RingTraining.Options(GanLoss.NonSaturating, epochs: 200, condition: nameof(RingPoint.Mode)));

    [TestMethod]
    [DataRow(0)]
    [DataRow(3)]
    [DataRow(6)]
    public void SamplesOfARequestedClassLieInThatClassesCluster(int mode)
    {
        var points = Columns.Points(Sampler.Sample(1000, condition: $"m{mode}", seed: 11));
        var share = points.Count(p => RingOfGaussians.NearestMode(p[0], p[1]) == mode) / (double)points.Length;
        Assert.IsGreaterThanOrEqualTo(0.9, share, $"only {share:P1} of samples asked for m{mode} are nearest to it");
    }

    [TestMethod]
    public void SampledRowsCarryTheRequestedConditionInTheTrainingSchema()
    {
        var data = Sampler.Sample(50, condition: "m2", seed: 1);
        CollectionAssert.AreEqual(new[] { "X", "Y", "Mode" }, data.Schema.Select(c => c.Name).ToArray());
        Assert.IsTrue(Columns.Read<string>(data, "Mode").All(m => m == "m2"));
    }

    [TestMethod]
    public void WithoutAConditionClassesFollowTheTrainingFrequencies()
    {
        var modes = Columns.Read<string>(Sampler.Sample(4000, seed: 2), "Mode");
        foreach (var group in modes.GroupBy(m => m))
            Assert.AreEqual(0.125, group.Count() / 4000.0, 0.03, $"class {group.Key}");
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 8).Select(m => $"m{m}").ToArray(), Sampler.ConditionClasses.ToArray());
    }

    [TestMethod]
    public void TransformGeneratesOneRowPerRequestOfThatRowsClass()
    {
        var ml = new MLContext(0);
        var requests = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 400).Select(i => new RingPoint { Mode = $"m{i % 8}" }));
        var generated = Sampler.Transform(requests);
        var points = Columns.Points(generated);
        var modes = Columns.Read<string>(generated, "Mode");
        Assert.HasCount(400, points);
        var agree = points.Where((p, i) => $"m{RingOfGaussians.NearestMode(p[0], p[1])}" == modes[i]).Count() / 400.0;
        Assert.IsGreaterThanOrEqualTo(0.9, agree);
    }
}

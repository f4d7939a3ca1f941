using Microsoft.ML;
using Microsoft.ML.Runtime;
using static GanEstimators.Tests.Constraints.ConstraintData;

namespace GanEstimators.Tests.Constraints;

/// <summary>An exact request for a combination no training row has (a Gentoo on Dream) is warned about, or refused.</summary>
[TestClass]
public sealed class UnseenCombinationTests
{
    private static readonly Dictionary<string, string> GentooOnDream = new() { ["island"] = "Dream", ["species"] = "Gentoo" };
    private static readonly Dictionary<string, string> AdelieOnDream = new() { ["island"] = "Dream", ["species"] = "Adelie" };

    [TestMethod]
    public void AnUnseenCombinationIsWarnedAboutByDefaultRefusedOnRequestAndAllowedQuietly()
    {
        var (ml, warnings) = Logged();
        var options = Short(PenguinFeatures);
        options.Epochs = 1;
        using var sampler = ml.Gan().Trainer(options).Fit(Penguins(ml));
        Assert.AreEqual(GanUnseenCombinations.Warn, sampler.UnseenCombinations);

        Assert.HasCount(5, Column<string>(sampler.Sample(5, GentooOnDream, seed: 1), "species"));
        var warning = warnings.Single(w => w.Contains("never occurs"));
        StringAssert.Contains(warning, "island=Dream");
        StringAssert.Contains(warning, "species=Gentoo");

        warnings.Clear();
        sampler.Sample(5, AdelieOnDream, seed: 1);
        Assert.IsEmpty(warnings, "a seen combination is not warned about");

        warnings.Clear();
        sampler.SampleRange(100, 5, 1, GentooOnDream);
        Assert.HasCount(1, warnings.Where(w => w.Contains("island=Dream") && w.Contains("species=Gentoo")), "a range is warned about as a sample is");
        warnings.Clear();

        sampler.UnseenCombinations = GanUnseenCombinations.Refuse;
        var refused = Assert.ThrowsExactly<ArgumentException>(() => sampler.Sample(5, GentooOnDream, seed: 1));
        StringAssert.Contains(refused.Message, "island=Dream");
        StringAssert.Contains(refused.Message, "species=Gentoo");
        refused = Assert.ThrowsExactly<ArgumentException>(() => sampler.SampleRange(100, 5, 1, GentooOnDream));
        StringAssert.Contains(refused.Message, "island=Dream");
        sampler.Sample(5, AdelieOnDream, seed: 1);
        sampler.SampleRange(100, 5, 1, AdelieOnDream);

        sampler.UnseenCombinations = GanUnseenCombinations.Allow;
        sampler.Sample(5, GentooOnDream, seed: 1);
        Assert.IsEmpty(warnings);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sampler.UnseenCombinations = (GanUnseenCombinations)7);
    }

    [TestMethod]
    public void TheSeenCombinationsAreSavedWithTheModelAndAFixedCombinationIsAlwaysRefused()
    {
        var (ml, warnings) = Logged();
        var options = Short(PenguinFeatures, GanConstraint.FixedCombinations("island", "species"));
        options.Epochs = 1;
        using var trained = ml.Gan().Trainer(options).Fit(Penguins(ml));
        var path = Path.Combine(Path.GetTempPath(), $"ganest-unseen-{Environment.ProcessId}.zip");
        ml.Model.Save(trained, null, path);
        using var loaded = (GanSampler)ml.Model.Load(path, out _);
        File.Delete(path);

        CollectionAssert.AreEqual(trained.Constraints.ToArray(), loaded.Constraints.ToArray());
        loaded.UnseenCombinations = GanUnseenCombinations.Allow;
        var error = Assert.ThrowsExactly<ArgumentException>(() => loaded.Sample(5, GentooOnDream, seed: 1));
        StringAssert.Contains(error.Message, "fixed: island, species");
        loaded.UnseenCombinations = GanUnseenCombinations.Warn;
        loaded.Sample(5, new Dictionary<string, string> { ["island"] = "Biscoe", ["sex"] = "MALE" }, seed: 1);
        Assert.IsFalse(warnings.Any(w => w.Contains("never occurs")), string.Join("\n", warnings));
    }

    [TestMethod]
    public void FixingAnIslandOfAModelConditionedOnSpeciesGivesTheSpeciesOfThatIslandWithinTheFixedCombination()
    {
        var (ml, _) = Logged();
        var options = Short(new[] { "island", "bill_length_mm", "body_mass_g", "sex" }, GanConstraint.FixedCombinations("island", "species"));
        options.ConditionColumnName = "species";
        options.Epochs = 1;
        using var sampler = ml.Gan().Trainer(options).Fit(Penguins(ml));
        var torgersen = new Dictionary<string, string> { ["island"] = "Torgersen" };
        var speciesOnTorgersen = Pairs(Penguins(ml), "island", "species").Where(p => p.Item1 == "Torgersen").Select(p => p.Item2).ToHashSet();

        // Only Adelie live on Torgersen: a Gentoo drawn for such a row had no seen combination to be repaired to.
        var sample = Column<string>(sampler.Sample(300, torgersen, seed: 1), "species");
        CollectionAssert.AreEquivalent(speciesOnTorgersen.ToArray(), sample.Distinct().ToArray());
        CollectionAssert.AreEquivalent(speciesOnTorgersen.ToArray(), Column<string>(sampler.SampleRange(5000, 300, 1, torgersen), "species").Distinct().ToArray());
    }

    private static (MLContext Ml, List<string> Warnings) Logged()
    {
        var ml = new MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) =>
        {
            if (e.Kind == ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message);
        };
        return (ml, warnings);
    }
}

using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Diagnostics;

[TestClass]
public sealed class TrainingDoctorTests
{
    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AHealthyRunIsNotDiagnosed()
    {
        var sampler = RingTraining.Fit(RingTraining.Options(GanLoss.NonSaturating, epochs: 150));

        Assert.IsEmpty(sampler.History.Diagnoses, string.Join("\n", sampler.History.Diagnoses));
        Assert.IsTrue(sampler.History.Epochs.All(e => e.CollapseRatio > 0), "the collapse ratio is measured every epoch");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void SaturatingMinimaxAgainstAnOverpoweredDiscriminatorIsDiagnosed()
    {
        // A discriminator with 10 updates per generator update and 8× the generator's width wins and keeps winning
        // (accuracy ~97 %); the generator ends on one or two modes of the ring.
        var options = RingTraining.Options(GanLoss.Minimax, epochs: 15);
        options.DiscriminatorSteps = 10;
        options.LearningRate = 1e-3;
        options.Mlp.GeneratorHiddenSizes = new[] { 16 };
        options.Mlp.DiscriminatorHiddenSizes = new[] { 128, 128 };

        var sampler = RingTraining.Fit(options);

        var problems = sampler.History.Diagnoses.Select(d => d.Problem).ToArray();
        Assert.IsTrue(problems.Contains(GanProblem.VanishingGradients) || problems.Contains(GanProblem.DiscriminatorOverpowering),
            $"diagnoses: {string.Join("; ", sampler.History.Diagnoses)}");
        var diagnosis = sampler.History.Diagnoses.First(d => d.Problem is GanProblem.VanishingGradients or GanProblem.DiscriminatorOverpowering);
        StringAssert.Contains(diagnosis.Remedy, "NonSaturating");
    }

    [TestMethod]
    public void DiagnosesGoToTheLog()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("training doctor")) lock (warnings) warnings.Add(e.Message); };
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 3);
        options.LearningRate = 1e30;

        var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 400));

        Assert.HasCount(sampler.History.Diagnoses.Count, warnings);
        Assert.IsNotEmpty(warnings);
    }
}

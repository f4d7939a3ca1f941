using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Cli;

/// <summary>`--discriminator-steps` sets Options.DiscriminatorSteps; the first release's `--critic-steps` still does.</summary>
[TestClass]
public sealed class GanestDiscriminatorStepsTests : GanestTestFolder
{
    [TestMethod]
    [DataRow("--discriminator-steps")]
    [DataRow("--critic-steps")]
    public void BothNamesReachTheOption(string flag)
    {
        var data = Path.Combine(Folder, "tiny.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var model = Path.Combine(Folder, "model.zip");

        var refused = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", flag, "0");
        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", flag, "2");

        Assert.AreEqual(1, refused.ExitCode, refused.Output);
        StringAssert.Contains(refused.Output, "--discriminator-steps must be positive");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);
        Assert.IsTrue(File.Exists(model));
    }
}

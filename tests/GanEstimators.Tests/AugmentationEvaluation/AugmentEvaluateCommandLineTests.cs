using GanEstimators.Parquet;
using GanEstimators.Tests.Cli;
using GanEstimators.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.AugmentationEvaluation;

[TestClass]
public sealed class AugmentEvaluateCommandLineTests : GanestTestFolder
{
    private static readonly string Penguins = Path.Combine(RepositoryRoot(), "data", "splits", "penguins.train.csv");

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void EvaluatePrintsTheTableAndTheRecommendationAndWritesItAsCsv()
    {
        var table = Path.Combine(Folder, "evaluation.csv");

        var run = Ganest.Run("augment", "--evaluate", "--data", Penguins, "--balance", "species", "--folds", "2", "--ratios", "1",
            "--epochs", "2", "--classifier", "linear", "--threads", "1", "--seed", "3", "--out", table);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "2-fold stratified cross-validation on 'species', 275 rows, macro-F1");
        StringAssert.Contains(run.Output, "Fold 2/2: GAN trained on 138 rows");
        StringAssert.Contains(run.Output, "Recommended GAN ratio: ");
        var lines = File.ReadAllLines(table);
        StringAssert.StartsWith(lines[0], "method,ratio,mean_added_rows,mean,sd,diff_vs_real_only,p_vs_real_only,corrected_p_vs_real_only,diff_vs_oversampling,p_vs_oversampling,corrected_p_vs_oversampling,diff_vs_class_weights,p_vs_class_weights,corrected_p_vs_class_weights,fold1,fold2,recommended_gan_ratio");
        CollectionAssert.AreEqual(new[] { "real only", "class weights", "oversampling", "SMOTE", "GAN" }, lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        Assert.IsEmpty(Directory.GetFiles(Folder, "*.tmp"));
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ParquetDataIsEvaluatedAsItsCsvIs()
    {
        var ml = new MLContext(1);
        var csv = ml.Data.LoadFromTextFile(Penguins, new TextLoader.Options
        {
            HasHeader = true,
            Separators = new[] { ',' },
            MissingRealsAsNaNs = true,
            Columns = new[] { ("species", 0), ("island", 1), ("bill_length_mm", 2), ("bill_depth_mm", 3), ("flipper_length_mm", 4), ("body_mass_g", 5), ("sex", 6) }
                .Select(c => new TextLoader.Column(c.Item1, c.Item2 is 0 or 1 or 6 ? DataKind.String : DataKind.Single, c.Item2)).ToArray(),
        });
        var parquet = Path.Combine(Folder, "penguins.parquet");
        ml.Data.SaveAsParquet(csv, parquet);

        var run = Ganest.Run("augment", "--evaluate", "--data", parquet, "--balance", "species", "--folds", "2", "--ratios", "1",
            "--epochs", "1", "--classifier", "linear", "--threads", "1", "--seed", "3");

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "2-fold stratified cross-validation on 'species', 275 rows, macro-F1");
        StringAssert.Contains(run.Output, "Recommended GAN ratio: ");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void RepeatsRunEveryFoldOfEveryRepeatAndWriteEveryFoldScore()
    {
        var table = Path.Combine(Folder, "evaluation.csv");

        // Four GANs and every method's classifier in one process: about a minute on 2 idle cores, several beside other work.
        var run = Ganest.Run(TimeSpan.FromMinutes(30), "augment", "--evaluate", "--data", Penguins, "--balance", "species", "--folds", "2", "--repeats", "2", "--ratios", "1",
            "--epochs", "1", "--classifier", "linear", "--threads", "1", "--seed", "3", "--out", table);

        Assert.AreEqual(0, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "2-fold stratified cross-validation repeated 2 times (4 fold scores) on 'species'");
        StringAssert.Contains(run.Output, "Repeat 2/2, fold 2/2: GAN trained on 138 rows");
        StringAssert.Contains(run.Output, "p: corrected resampled t-test");
        var lines = File.ReadAllLines(table);
        StringAssert.Contains(lines[0], ",repeat1_fold1,repeat1_fold2,repeat2_fold1,repeat2_fold2,recommended_gan_ratio");
        Assert.AreEqual(lines[0].Split(',').Length, lines[1].Split(',').Length, "a value (or an empty cell) under every column");
    }

    [TestMethod]
    public void BadEvaluateRequestsFailWithOneLineNamingTheFlag()
    {
        string[] Evaluate(params string[] more) => new[] { "augment", "--evaluate", "--data", Penguins, "--balance", "species" }.Concat(more).ToArray();
        AssertRefused(new[] { "augment", "--evaluate", "--data", Penguins }, "--evaluate needs --balance COLUMN");
        AssertRefused(Evaluate("--folds", "1"), "--folds must be at least 2; got 1.");
        AssertRefused(Evaluate("--repeats", "0"), "--repeats must be at least 1; got 0.");
        AssertRefused(Evaluate("--ratios", "0.5,-1"), "--ratios must be in (0, 1]");
        AssertRefused(Evaluate("--ratios", "0.5,0.5"), "--ratios names a ratio twice.");
        AssertRefused(Evaluate("--folds", "1000"), "--folds is 1000 but the data has 275 rows");
        var noSuchClass = AssertRefused(Evaluate("--metric", "minority-recall", "--minority-class", "Emperor"), "--minority-class 'Emperor' is not a class of 'species'");
        Assert.DoesNotContain("(Parameter", noSuchClass);
        AssertRefused(new[] { "augment", "--evaluate", "--data", Penguins, "--balance", "kind" }, "Column 'kind' (--balance) is not in the header");
        AssertRefused(new[] { "augment", "--data", Penguins, "--out", Path.Combine(Folder, "x.csv"), "--balance", "species" }, "Option '--model' is required (unless --evaluate is given).");
    }

    /// <summary>Runs ganest and checks it exits 1 with one error line containing <paramref name="message"/>; returns standard error.</summary>
    private static string AssertRefused(string[] arguments, string message)
    {
        var run = Ganest.Run(arguments);
        Assert.AreEqual(1, run.ExitCode, run.Output);
        StringAssert.Contains(run.Error, "ganest: error: " + message);
        return run.Error;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanEstimators.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No GanEstimators.sln above {AppContext.BaseDirectory}.");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using GanEstimators.Cli.Csv;
using GanEstimators.Cli.Files;
using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;

namespace GanEstimators.Cli.Commands;

/// <summary>
/// <c>ganest augment --evaluate --balance LABEL</c>: cross-validates a ready-made classifier of LABEL on the file's rows
/// alone, with class weights, with random oversampling, with SMOTE and with the rows of a GAN trained inside each fold
/// (<c>EvaluateAugmentation</c>), prints the table and the recommended ratio, and writes the table as CSV with --out.
/// </summary>
internal static class AugmentEvaluation
{
    /// <summary>The flags only --evaluate reads.</summary>
    internal sealed record Options(Option<bool> Evaluate, Option<int> Folds, Option<int> Repeats, Option<string> Ratios, Option<string> Metric, Option<string?> MinorityClass, Option<string> Classifier, Option<int?> Epochs)
    {
        public static Options Create() => new(
            new Option<bool>("--evaluate") { Description = "Instead of writing rows: k-fold cross-validate a classifier of the --balance column trained on real rows alone, with class weights, with random oversampling, with SMOTE and with GAN rows (a GAN trained inside each fold), and recommend a GAN ratio (0: do not augment)" },
            new Option<int>("--folds") { Description = "With --evaluate: folds of the stratified cross-validation, at least 2", DefaultValueFactory = _ => 5 },
            new Option<int>("--repeats") { Description = "With --evaluate: repeats of the k-fold cross-validation on new folds (one GAN per fold of each repeat), at least 1; the p-values are the corrected resampled t-test's over all folds", DefaultValueFactory = _ => 1 },
            new Option<string>("--ratios") { Description = "With --evaluate: comma-separated balance ratios in (0, 1], each evaluated (every method adds the same rows)", DefaultValueFactory = _ => "0.25,0.5,1" },
            new Option<string>("--metric") { Description = "With --evaluate: macro-f1 or minority-recall", DefaultValueFactory = _ => "macro-f1" },
            new Option<string?>("--minority-class") { Description = "With --evaluate --metric minority-recall: the class whose recall counts (default: the least frequent)" },
            new Option<string>("--classifier") { Description = "With --evaluate: linear (SDCA maximum entropy) or trees (one-versus-all FastTree), on every numeric, Boolean and text column", DefaultValueFactory = _ => "linear" },
            new Option<int?>("--epochs") { Description = "With --evaluate: epochs of each fold's GAN (default as `ganest train`: at least 3,000 steps of 500 rows, 300 epochs or more; no early stopping)" });

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Evaluate, Folds, Repeats, Ratios, Metric, MinorityClass, Classifier, Epochs }) command.Options.Add(option);
        }

        public Values Read(ParseResult parsed) => new(parsed.GetValue(Folds), parsed.GetValue(Repeats), parsed.GetValue(Ratios)!, parsed.GetValue(Metric)!, parsed.GetValue(MinorityClass), parsed.GetValue(Classifier)!, parsed.GetValue(Epochs));
    }

    internal sealed record Values(int Folds, int Repeats, string Ratios, string Metric, string? MinorityClass, string Classifier, int? Epochs);

    private const int BatchSize = 500;

    public static int Run(string dataPath, string? outputPath, string? label, string? model, int? count, int? seed, int? threads, char? separator, Values values)
    {
        if (label is null) throw new ArgumentException("--evaluate needs --balance COLUMN: the class column to classify and balance.");
        if (model is not null) throw new ArgumentException("--evaluate trains its own GAN inside each fold; leave out --model.");
        if (count is not null) throw new ArgumentException("--evaluate compares balance ratios (--ratios); leave out --count.");
        var options = new AugmentationEvaluationOptions
        {
            LabelColumnName = label,
            NumberOfFolds = values.Folds,
            NumberOfRepeats = values.Repeats,
            Ratios = ParseRatios(values.Ratios),
            Metric = values.Metric switch
            {
                "macro-f1" => AugmentationMetric.MacroF1,
                "minority-recall" => AugmentationMetric.MinorityClassRecall,
                _ => throw new ArgumentException($"--metric must be macro-f1 or minority-recall; got '{values.Metric}'."),
            },
            MinorityClass = values.MinorityClass,
            Seed = seed ?? 0,
            GanOptions = new GanTrainer.Options { Epochs = values.Epochs ?? GanTrainer.Defaults.Epochs, BatchSize = BatchSize, NumberOfThreads = threads },
        };
        if (values.Classifier is not ("linear" or "trees")) throw new ArgumentException($"--classifier must be linear or trees; got '{values.Classifier}'.");
        var flags = new[]
        {
            (nameof(options.NumberOfFolds), "--folds"), (nameof(options.NumberOfRepeats), "--repeats"), (nameof(options.Ratios), "--ratios"),
            (nameof(options.MinorityClass), "--minority-class"),
        };
        LibraryChecks.Run(() => AugmentationEvaluationValidator.Validate(options), flags);
        LibraryChecks.Run(() => GanEstimators.Training.OptionsValidator.Validate(WithFeature(options.GanOptions)),
            new[] { (nameof(GanTrainer.Options.Epochs), "--epochs"), (nameof(GanTrainer.Options.NumberOfThreads), "--threads") });
        ThreadsOption.Check(threads);

        var parquet = DataFile.IsParquet(dataPath) ? ParquetTable.Load(dataPath, "--data") : null;
        var file = parquet is null ? CsvSchemaInference.Infer(dataPath, "--data", new HashSet<string> { label }, separator) : ParquetTable.Describe(parquet);
        options.GanOptions.Epochs = values.Epochs ?? DefaultEpochs((int)Math.Min(int.MaxValue, file.Rows * (options.NumberOfFolds - 1) / options.NumberOfFolds));
        if (file.Columns.All(c => c.Name != label)) throw new ArgumentException($"Column '{label}' (--balance) is not in the header of '{dataPath}'.");
        using var output = outputPath is null ? null : OutputFile.Reserve(outputPath, "--out", ("--data", dataPath));
        var ml = new MLContext(options.Seed);
        var data = parquet ?? CsvLoading.Loader(ml, file.Columns, file.Separator).Load(dataPath);
        var classifier = values.Classifier == "trees" ? DownstreamClassifiers.Trees(ml, data.Schema, label) : DownstreamClassifiers.Linear(ml, data.Schema, label);
        // Its own context, so that the unweighted classifier draws the same numbers as without this baseline.
        var weightedMl = new MLContext(options.Seed);
        options.ClassWeightedEstimator = weight => values.Classifier == "trees"
            ? DownstreamClassifiers.Trees(weightedMl, data.Schema, label, weight) : DownstreamClassifiers.Linear(weightedMl, data.Schema, label, weight);
        var repeatText = (AugmentationFoldGan gan) => options.NumberOfRepeats > 1 ? $"Repeat {gan.Repeat + 1}/{options.NumberOfRepeats}, fold" : "Fold";
        options.GanTrained = gan => Console.Error.WriteLine($"{repeatText(gan)} {gan.Fold + 1}/{options.NumberOfFolds}: GAN trained on {gan.TrainingRows.Count} rows");

        AugmentationEvaluationResult result = null!;
        LibraryChecks.Run(() => result = ml.Gan().EvaluateAugmentation(data, classifier, options), flags);   // data-dependent checks (--folds above a class's rows) by flag
        Console.WriteLine(result.ToString());
        if (output is not null)
        {
            output.Writing(path =>
            {
                File.WriteAllText(path, Csv(result), new UTF8Encoding(false));
                return 0;
            });
            output.Commit();
            Console.WriteLine($"Wrote the table to {outputPath}");
        }
        return 0;
    }

    /// <summary>The validator checks the GAN options before data is read; it needs a feature name, which the evaluation fills in later.</summary>
    private static GanTrainer.Options WithFeature(GanTrainer.Options options) =>
        new() { FeatureColumnNames = new[] { "x" }, Epochs = options.Epochs, BatchSize = options.BatchSize, NumberOfThreads = options.NumberOfThreads };

    /// <summary>`ganest train`'s rule for a fold's training rows: at least 3,000 steps and 300 epochs.</summary>
    private static int DefaultEpochs(int rows)
    {
        var stepsPerEpoch = Math.Max(1, rows / BatchSize);
        return Math.Max(300, (3000 + stepsPerEpoch - 1) / stepsPerEpoch);
    }

    private static double[] ParseRatios(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) ? ratio
                : throw new ArgumentException($"--ratios must be comma-separated numbers in (0, 1], e.g. 0.25,0.5,1; got '{r}'."))
            .ToArray();

    private static string Csv(AugmentationEvaluationResult result)
    {
        var text = new StringBuilder();
        // p_vs_*: the plain paired t-test (as before repeats existed); corrected_p_vs_*: the corrected resampled t-test, the one to read.
        var folds = Enumerable.Range(0, result.FoldTestRows.Count)
            .Select(i => result.NumberOfRepeats == 1 ? $"fold{i + 1}" : $"repeat{i / result.NumberOfFolds + 1}_fold{i % result.NumberOfFolds + 1}");
        text.AppendLine("method,ratio,mean_added_rows,mean,sd,diff_vs_real_only,p_vs_real_only,corrected_p_vs_real_only,diff_vs_oversampling,p_vs_oversampling,corrected_p_vs_oversampling," +
            "diff_vs_class_weights,p_vs_class_weights,corrected_p_vs_class_weights," + string.Join(",", folds) + ",recommended_gan_ratio");
        foreach (var m in result.Methods)
            text.AppendLine(string.Join(",", new[]
            {
                m.Name, Number(m.Ratio), Number(m.AddedRows.Average()), Number(m.Mean), Number(m.StandardDeviation),
                Number(m.AgainstRealOnly?.MeanDifference), Number(m.AgainstRealOnly?.PValue), Number(m.AgainstRealOnly?.CorrectedPValue),
                Number(m.AgainstOversampling?.MeanDifference), Number(m.AgainstOversampling?.PValue), Number(m.AgainstOversampling?.CorrectedPValue),
                Number(m.AgainstClassWeights?.MeanDifference), Number(m.AgainstClassWeights?.PValue), Number(m.AgainstClassWeights?.CorrectedPValue),
            }.Concat(m.FoldScores.Select(s => Number(s))).Append(Number(result.RecommendedGanRatio))));
        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}

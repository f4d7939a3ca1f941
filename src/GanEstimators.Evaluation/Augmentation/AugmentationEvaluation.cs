using GanEstimators.Encoding;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// The cross-validation behind <c>EvaluateAugmentation</c>: for each stratified fold of each repeat, each downstream estimator is
/// trained on the fold's real training rows alone (also class-weighted when it can take weights) and with rows added
/// by random oversampling, SMOTE and a GAN trained on those training rows only, and scored on the fold's held-out
/// rows. The added rows depend only on the fold and the ratio, so every estimator is scored on the same sets.
/// </summary>
internal static class AugmentationEvaluation
{
    public static AugmentationEvaluationResult Run(IHostEnvironment environment, GanCatalog catalog, IDataView data, IEstimator<ITransformer> estimator, AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        AugmentationEvaluationValidator.Validate(options);
        return Run(environment, catalog, data, new[] { new AugmentationDownstream("", estimator, options.ClassWeightedEstimator) }, options, named: false)[0];
    }

    public static IReadOnlyList<AugmentationEvaluationResult> Run(IHostEnvironment environment, GanCatalog catalog, IDataView data, IReadOnlyList<AugmentationDownstream> downstreams, AugmentationEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        AugmentationEvaluationValidator.Validate(options);
        AugmentationEvaluationValidator.Validate(downstreams, options);
        return Run(environment, catalog, data, downstreams, options, named: true);
    }

    private static IReadOnlyList<AugmentationEvaluationResult> Run(IHostEnvironment environment, GanCatalog catalog, IDataView data, IReadOnlyList<AugmentationDownstream> downstreams, AugmentationEvaluationOptions options, bool named)
    {
        var label = LabelColumn(data, options.LabelColumnName);
        var table = RowTable.Read(data);
        var classes = ReadClasses(table, label);
        var minority = MinorityClass(classes, options);
        var seed = options.Seed ?? environment.Register(nameof(AugmentationEvaluation)).Rand.Next();
        var folds = new List<int[]>();

        var scores = new Dictionary<(int, AugmentationMethod, double), (List<double> Scores, List<int> Added)>();
        void Record(int downstream, AugmentationMethod method, double ratio, double score, int added)
        {
            if (!scores.TryGetValue((downstream, method, ratio), out var entry)) scores[(downstream, method, ratio)] = entry = (new List<double>(), new List<int>());
            entry.Scores.Add(score);
            entry.Added.Add(added);
        }

        var neighbourhoods = new NeighbourhoodTally();
        var scorers = downstreams.Select(d => new DownstreamScore(d.Estimator, options, minority)).ToArray();
        var weightColumn = ClassWeights.FreeColumnName(table);
        var weightedScorers = downstreams.Select((d, i) => d.ClassWeightedEstimator is { } factory
            ? new DownstreamScore(factory(weightColumn) ?? throw new ArgumentException(
                $"{(named ? $"{nameof(AugmentationDownstream)} '{d.Name}'.{nameof(AugmentationDownstream.ClassWeightedEstimator)}" : $"{nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.ClassWeightedEstimator)}")} returned null; it must return the estimator with its trainer's example-weight column set to the name it is given.",
                nameof(AugmentationEvaluationOptions.ClassWeightedEstimator)), options, minority)
            : null).ToArray();
        for (var repeat = 0; repeat < options.NumberOfRepeats; repeat++)
        {
            // Every seed below comes from the repeat's seed, so repeat 0 draws exactly what a single run draws.
            var repeatSeed = RepeatSeed(seed, repeat);
            var assignment = StratifiedFolds.Assign(classes, options.NumberOfFolds, repeatSeed);
            folds.AddRange(assignment);
            for (var fold = 0; fold < assignment.Length; fold++)
                EvaluateFold(assignment[fold], repeat, fold, repeatSeed);
        }

        void EvaluateFold(int[] testRows, int repeat, int fold, int repeatSeed)
        {
            var held = testRows.ToHashSet();
            var trainingRows = Enumerable.Range(0, table.RowCount).Where(r => !held.Contains(r)).ToArray();
            var training = table.EmptyLike();
            foreach (var row in trainingRows) training.AppendCopy(table, row);
            var trainingClasses = trainingRows.Select(r => classes[r]).ToArray();
            var rowsByClass = trainingClasses.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var test = table.View(testRows);
            var truth = testRows.Select(r => classes[r]).ToArray();

            var weighted = weightedScorers.Any(s => s is not null) ? training.WithSingleColumn(weightColumn, ClassWeights.For(trainingClasses)) : null;
            for (var d = 0; d < scorers.Length; d++)
            {
                Record(d, AugmentationMethod.RealOnly, 0, scorers[d].Score(training.View(), test, truth), 0);
                if (weightedScorers[d] is { } weightedScorer) Record(d, AugmentationMethod.ClassWeights, 0, weightedScorer.Score(weighted!.View(), test, truth), 0);
            }
            using var sampler = catalog.Trainer(GanOptionsFor(options, table, repeatSeed, fold)).Fit(training.View());
            options.GanTrained?.Invoke(new AugmentationFoldGan(fold, trainingRows, sampler) { Repeat = repeat });
            var addedByRatio = options.Ratios.Select(ratio => AddedRows.PerClass(rowsByClass, ratio, options.Sizing)).ToArray();
            // The GAN rows' neighbourhoods are read at the ratio that adds the most rows (the first of equals).
            var measured = Array.IndexOf(addedByRatio, addedByRatio.MaxBy(a => a.Values.Sum()));
            var space = new NumericSpace(training, options.LabelColumnName);
            for (var r = 0; r < options.Ratios.Length; r++)
            {
                var ratio = options.Ratios[r];
                var added = addedByRatio[r];
                var count = added.Values.Sum();
                if (count == 0)
                {
                    // Nothing to add: every method's training set is the real one, so it gets real only's score rather
                    // than a refit whose only difference would be the estimator's own randomness.
                    for (var d = 0; d < scorers.Length; d++)
                        foreach (var method in AddingMethods)
                            Record(d, method, ratio, scores[(d, AugmentationMethod.RealOnly, 0)].Scores[^1], 0);
                    continue;
                }

                var oversampled = Copy(training);
                RandomOversampling.Add(training, trainingClasses, added, new Random(Mix(repeatSeed, fold, r, 1)), oversampled);
                var interpolated = Copy(training);
                SmoteInterpolation.Add(training, space, trainingClasses, added, options.SmoteNeighbors, new Random(Mix(repeatSeed, fold, r, 2)), interpolated);
                var generated = Copy(training);
                var c = 0;
                // Columns the GAN does not generate (left out of GanOptions.FeatureColumnNames) come from a real training
                // row of the class, as oversampling's do: an integer, Boolean or date has no missing value to leave.
                var donors = new Random(Mix(repeatSeed, fold, r, -1));
                foreach (var (className, rows) in added)
                {
                    var classRows = RandomOversampling.RowsOf(trainingClasses, className);
                    generated.Append(sampler.Sample(rows, new Dictionary<string, string> { [options.LabelColumnName] = className }, Mix(repeatSeed, fold, r, 3 + c++)),
                        training, () => classRows[donors.Next(classRows.Length)]);
                }
                if (r == measured) neighbourhoods.Add(space, trainingClasses, generated, added, new Random(Mix(repeatSeed, fold, -2, 0)));
                // Each estimator is fitted in the order of a single evaluation (oversampling, SMOTE, GAN), so one that
                // draws from its own MLContext scores the same here as evaluated alone.
                for (var d = 0; d < scorers.Length; d++)
                {
                    Record(d, AugmentationMethod.RandomOversampling, ratio, scorers[d].Score(oversampled.View(), test, truth), count);
                    Record(d, AugmentationMethod.Smote, ratio, scorers[d].Score(interpolated.View(), test, truth), count);
                    Record(d, AugmentationMethod.Gan, ratio, scorers[d].Score(generated.View(), test, truth), count);
                }
            }
        }

        // n_test / n_train of the corrected t-test: each repeat holds every row out once, so over its folds the held-out
        // rows are n/k a fold and the real training rows n(k − 1)/k.
        var testToTraining = 1.0 / (options.NumberOfFolds - 1);
        var repeats = folds.Select((_, i) => i / options.NumberOfFolds).ToArray();
        PairedComparison Compare(IReadOnlyList<double> method, IReadOnlyList<double> baseline) => PairedTTest.Compare(method, baseline, testToTraining);
        return downstreams.Select((downstream, d) =>
        {
            var realOnly = scores[(d, AugmentationMethod.RealOnly, 0)];
            var methods = new List<AugmentationMethodResult> { new(AugmentationMethod.RealOnly, 0, realOnly.Scores, realOnly.Added, null, null) { FoldRepeats = repeats } };
            List<double>? classWeighted = null;
            if (scores.TryGetValue((d, AugmentationMethod.ClassWeights, 0), out var weights))
            {
                classWeighted = weights.Scores;
                methods.Add(new AugmentationMethodResult(AugmentationMethod.ClassWeights, 0, weights.Scores, weights.Added, Compare(weights.Scores, realOnly.Scores), null) { FoldRepeats = repeats });
            }
            foreach (var ratio in options.Ratios)
            {
                var oversampling = scores[(d, AugmentationMethod.RandomOversampling, ratio)].Scores;
                foreach (var method in AddingMethods)
                {
                    var (fold, added) = scores[(d, method, ratio)];
                    methods.Add(new AugmentationMethodResult(method, ratio, fold, added, Compare(fold, realOnly.Scores),
                        method == AugmentationMethod.RandomOversampling ? null : Compare(fold, oversampling))
                    {
                        AgainstClassWeights = classWeighted is null ? null : Compare(fold, classWeighted),
                        FoldRepeats = repeats,
                    });
                }
            }
            return new AugmentationEvaluationResult(options, options.Metric == AugmentationMetric.MinorityClassRecall ? minority : null,
                table.RowCount, seed, folds, methods, named ? downstream.Name : null) { ClassNeighbourhoods = neighbourhoods.Result() };
        }).ToArray();
    }

    private static readonly AugmentationMethod[] AddingMethods = { AugmentationMethod.RandomOversampling, AugmentationMethod.Smote, AugmentationMethod.Gan };

    private static DataViewSchema.Column LabelColumn(IDataView data, string name)
    {
        var column = data.Schema.GetColumnOrNull(name) is { IsHidden: false } found ? found
            : throw new ArgumentException(
                $"Label column '{name}' ({nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.LabelColumnName)}) is not in the data; it has {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
                nameof(AugmentationEvaluationOptions.LabelColumnName));
        if (!CategoryText.IsSupported(column.Type))
            throw new ArgumentException($"Label column '{name}' has type {column.Type}; expected {CategoryText.ExpectedTypes}.", nameof(AugmentationEvaluationOptions.LabelColumnName));
        return column;
    }

    private static string[] ReadClasses(RowTable table, DataViewSchema.Column label)
    {
        var view = table.View();
        var column = view.Schema[label.Name];
        var classes = new List<string>();
        using var cursor = view.GetRowCursor(new[] { column });
        var read = CategoryText.For(column).MakeReader(cursor, column);
        while (cursor.MoveNext())
            classes.Add(read() ?? throw new ArgumentException(
                $"Label column '{label.Name}' has a missing value in row {cursor.Position + 1}; every row needs a class to be stratified, trained and scored. Drop those rows first.",
                nameof(AugmentationEvaluationOptions.LabelColumnName)));
        return classes.ToArray();
    }

    private static string? MinorityClass(IReadOnlyList<string> classes, AugmentationEvaluationOptions options)
    {
        var counts = classes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (classes.Count < options.NumberOfFolds)
            throw new ArgumentException($"{nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.NumberOfFolds)} is {options.NumberOfFolds} but the data has {classes.Count} rows; every fold needs a held-out row.", nameof(AugmentationEvaluationOptions.NumberOfFolds));
        if (counts.Count < 2)
            throw new ArgumentException($"Label column '{options.LabelColumnName}' has {counts.Count} class(es); a classifier needs at least 2.", nameof(AugmentationEvaluationOptions.LabelColumnName));
        var minority = options.MinorityClass ?? counts.OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
        if (options.Metric != AugmentationMetric.MinorityClassRecall) return minority;
        if (!counts.TryGetValue(minority, out var rows))
            throw new ArgumentException($"{nameof(AugmentationEvaluationOptions)}.{nameof(AugmentationEvaluationOptions.MinorityClass)} '{minority}' is not a class of '{options.LabelColumnName}'; its classes are {string.Join(", ", counts.Keys.Select(k => $"'{k}'"))}.", nameof(AugmentationEvaluationOptions.MinorityClass));
        if (rows < options.NumberOfFolds)
            throw new ArgumentException($"Class '{minority}' has {rows} row(s), fewer than the {options.NumberOfFolds} folds, so some folds would hold none of it out and its recall there is undefined. Use fewer folds or another metric.", nameof(AugmentationEvaluationOptions.NumberOfFolds));
        return minority;
    }

    /// <summary>A shallow copy of the user's GAN options (never changed), with the label as the condition and the other columns as features unless given.</summary>
    private static GanTrainer.Options GanOptionsFor(AugmentationEvaluationOptions options, RowTable table, int seed, int fold)
    {
        var copy = (GanTrainer.Options)typeof(object).GetMethod(nameof(MemberwiseClone), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(options.GanOptions, null)!;
        var label = options.LabelColumnName;
        copy.ConditionColumnName = label;
        copy.FeatureColumnNames = copy.FeatureColumnNames is { Length: > 0 } given
            ? given.Where(n => n != label).ToArray()
            : table.Schema.Select(c => c.Name).Where(n => n != label).ToArray();
        copy.Seed ??= Mix(seed, fold, 0, 0);
        return copy;
    }

    private static RowTable Copy(RowTable table)
    {
        var copy = table.EmptyLike();
        for (var row = 0; row < table.RowCount; row++) copy.AppendCopy(table, row);
        return copy;
    }

    /// <summary>The seed of one repeat: the evaluation's seed for the first (so one repeat is a single run), then one mixed from it (fold −1 is no fold's).</summary>
    private static int RepeatSeed(int seed, int repeat) => repeat == 0 ? seed : Mix(seed, -1, repeat, 0);

    /// <summary>A seed for one fold, ratio and purpose, the same on every run (unlike <see cref="HashCode"/>).</summary>
    private static int Mix(int seed, int fold, int ratio, int purpose) =>
        unchecked(((seed * 1_000_003 + fold) * 1_000_003 + ratio) * 1_000_003 + purpose);
}

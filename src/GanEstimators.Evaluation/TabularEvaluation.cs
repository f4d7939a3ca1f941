using Microsoft.ML;

namespace GanEstimators.Evaluation;

/// <summary>Checks the inputs of <see cref="GanCatalogEvaluationExtensions.Evaluate"/>, reads the tables and computes every metric.</summary>
internal static class TabularEvaluation
{
    public static TabularFidelityMetrics Run(IDataView real, IDataView synthetic, TabularEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(options);
        if (options.LabelColumnName is not null && options.TestData is null)
            throw new ArgumentException($"TestData is required with LabelColumnName '{options.LabelColumnName}': efficacy is measured on held-out real rows.", nameof(options));
        if (options.TestData is not null && options.LabelColumnName is null)
            throw new ArgumentException("LabelColumnName is required with TestData: it names the class column the efficacy classifiers predict.", nameof(options));

        var columns = TableReader.ComparedColumns(real, options.ColumnNames);
        var realTable = TableReader.Read(real, columns, "real data", nameof(real));
        var syntheticTable = TableReader.Read(synthetic, columns, "synthetic data", nameof(synthetic));
        if (realTable.RowCount == 0) throw new ArgumentException("The real data has no rows.", nameof(real));
        if (syntheticTable.RowCount == 0) throw new ArgumentException("The synthetic data has no rows.", nameof(synthetic));
        var empty = realTable.Columns.FirstOrDefault(c => Enumerable.Range(0, c.Length).All(c.IsMissing));
        if (empty is not null)
            throw new ArgumentException($"Column '{empty.Name}' has no values in the real data; leave it out with TabularEvaluationOptions.ColumnNames.", nameof(real));

        var ml = new MLContext(options.Seed);
        var columnScores = realTable.Columns.Select(c => ColumnShapes.Score(c, syntheticTable[c.Name])).ToArray();
        var pairScores = PairTrends.PairScores(realTable, syntheticTable);
        var detectionAuc = DetectionScore.Auc(ml, realTable, syntheticTable, options.Seed);

        ClassificationQuality? trainOnReal = null, trainOnSynthetic = null;
        if (options.LabelColumnName is { } label)
        {
            var test = options.TestData!;
            var features = columns.Where(c => c.Name != label).ToArray();
            if (features.Length == 0)
                throw new ArgumentException($"Efficacy needs at least one compared column besides the label '{label}'.", nameof(options));
            (trainOnReal, trainOnSynthetic) = MachineLearningEfficacy.Measure(ml, options.Seed, features.Select(c => c.Name).ToArray(),
                (Features(realTable, features), TableReader.ReadLabels(real, label, "real data", nameof(real))),
                (Features(syntheticTable, features), TableReader.ReadLabels(synthetic, label, "synthetic data", nameof(synthetic))),
                (TableReader.Read(test, features, "test data", nameof(options.TestData)), TableReader.ReadLabels(test, label, "test data", nameof(options.TestData))));
        }
        return new TabularFidelityMetrics(realTable.RowCount, syntheticTable.RowCount, columnScores, pairScores, detectionAuc, trainOnReal, trainOnSynthetic);
    }

    private static EvaluatedTable Features(EvaluatedTable table, IReadOnlyList<(string Name, TabularColumnKind Kind)> features) =>
        new(features.Select(f => table[f.Name]).ToArray(), table.RowCount);
}

using GanEstimators.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Plots;

/// <summary>Checks the inputs of <see cref="GanCatalogReportExtensions.Report"/>, draws every plot in memory, then writes the files.</summary>
internal static class QualityReportWriter
{
    public static QualityReport Write(GanCatalog catalog, IDataView real, IDataView synthetic, string outputDirectory, QualityReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(options);
        var directory = ReportDirectory.Prepare(outputDirectory);

        var columns = TableReader.ComparedColumns(real, options.ColumnNames);
        var realTable = TableReader.Read(real, columns, "real data", nameof(real));
        var syntheticTable = TableReader.Read(synthetic, columns, "synthetic data", nameof(synthetic));
        var classes = options.LabelColumnName is { } label
            ? new ClassLabels(label,
                TableReader.ReadLabels(real, label, "real data", nameof(real)),
                TableReader.ReadLabels(synthetic, label, "synthetic data", nameof(synthetic)))
            : null;
        var metrics = options.Metrics ?? catalog.Evaluate(real, synthetic, new TabularEvaluationOptions
        {
            ColumnNames = columns.Select(c => c.Name).ToArray(),
            LabelColumnName = options.TestData is null ? null : options.LabelColumnName,
            TestData = options.TestData,
            Seed = options.Seed,
        });

        // Everything is drawn before anything is written, so a failure leaves the directory as it was.
        var names = new ReportFileNames();
        var images = new List<(string FileName, byte[] Png)>();
        var columnFiles = new Dictionary<string, string>();
        foreach (var column in realTable.Columns)
        {
            var isDate = IsDate(real.Schema[column.Name].Type);
            var png = classes is not null && column.Name != classes.ColumnName
                ? ColumnPlot.PerClass(column, syntheticTable[column.Name], isDate, classes)
                : ColumnPlot.Overall(column, syntheticTable[column.Name], isDate);
            var fileName = names.ForColumn(column.Name);
            images.Add((fileName, png));
            columnFiles[column.Name] = fileName;
        }
        string? pairFile = null;
        if (metrics.PairScores.Count > 0)
        {
            pairFile = ReportFileNames.PairTrends;
            images.Add((pairFile, PairTrendPlot.Draw(columns.Select(c => c.Name).ToArray(), metrics.PairScores)));
        }
        string? lossFile = null;
        if (options.TrainingEpochs is { Count: > 0 } epochs)
        {
            lossFile = ReportFileNames.LossCurves;
            images.Add((lossFile, LossCurvesPlot.Draw(epochs)));
        }
        var html = HtmlReport.Render(options.Title, metrics, columnFiles, pairFile, lossFile, classes?.ColumnName, options.TestData is not null);

        var htmlPath = Path.Combine(directory, ReportFileNames.Html);
        AtomicFile.WriteAll(images.Select(image => (Path.Combine(directory, image.FileName), image.Png))
            .Append((htmlPath, System.Text.Encoding.UTF8.GetBytes(html))).ToList());

        string? InDirectory(string? fileName) => fileName is null ? null : Path.Combine(directory, fileName);
        return new QualityReport(directory, htmlPath, columnFiles.ToDictionary(c => c.Key, c => Path.Combine(directory, c.Value)),
            InDirectory(pairFile), InDirectory(lossFile), metrics);
    }

    private static bool IsDate(DataViewType type) => type is DateTimeDataViewType or DateTimeOffsetDataViewType;
}

using GanEstimators.Plots;
using Microsoft.ML;

// In the core namespace on purpose, as GanCatalogEvaluationExtensions is: code that calls mlContext.Gan() already
// imports it, so mlContext.Gan().Report(...) compiles once the app references this package.
namespace GanEstimators;

/// <summary>The plotting operations of <c>mlContext.Gan()</c>, from the <c>GanEstimators.Plots</c> package.</summary>
public static class GanCatalogReportExtensions
{
    /// <summary>
    /// Writes real-vs-synthetic plots and an HTML report that puts them together with the
    /// <see cref="GanCatalogEvaluationExtensions.Evaluate"/> metrics into <paramref name="outputDirectory"/>:
    /// <c>column-NAME.png</c> per compared column (a density histogram for numbers and dates, side-by-side bars for
    /// categories; small multiples per class with <see cref="QualityReportOptions.LabelColumnName"/>),
    /// <c>pair-trends.png</c> (real, synthetic and difference of the correlations, and every pair's score),
    /// <c>loss-curves.png</c> with <see cref="QualityReportOptions.TrainingEpochs"/>, and <c>report.html</c>, which
    /// refers to the images by relative paths. Every file is written under a temporary name and moved into place, and
    /// nothing is written before every plot has been drawn.
    /// </summary>
    /// <param name="catalog">The GAN catalog, <c>mlContext.Gan()</c>.</param>
    /// <param name="real">The real rows (the generator's training data).</param>
    /// <param name="synthetic">Generated rows with the compared columns, each of the same kind as in <paramref name="real"/>.</param>
    /// <param name="outputDirectory">Where the files go; created when absent. Files of the same names are replaced.</param>
    /// <param name="options">Columns, class column, held-out rows, training history, precomputed metrics.</param>
    /// <returns>The paths written and the metrics shown.</returns>
    /// <exception cref="ArgumentException">A compared or label column is absent or of an unsupported kind, or the directory cannot be written.</exception>
    public static QualityReport Report(this GanCatalog catalog, IDataView real, IDataView synthetic, string outputDirectory, QualityReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return QualityReportWriter.Write(catalog, real, synthetic, outputDirectory, options ?? new QualityReportOptions());
    }
}

using Microsoft.ML;

namespace GanEstimators.Evaluation;

/// <summary>Options for <see cref="GanCatalogEvaluationExtensions.Evaluate"/>.</summary>
public sealed class TabularEvaluationOptions
{
    /// <summary>
    /// The columns to compare; every one must be in the real and the synthetic data. Default: every visible column of
    /// the real data.
    /// </summary>
    public IReadOnlyList<string>? ColumnNames { get; set; }

    /// <summary>
    /// Class column for machine-learning efficacy (train on real vs train on synthetic, both tested on
    /// <see cref="TestData"/>): text, Boolean, key or an integer type. Set it together with <see cref="TestData"/>.
    /// </summary>
    public string? LabelColumnName { get; set; }

    /// <summary>Held-out real rows, not used to train the generator, with the compared columns and the label.</summary>
    public IDataView? TestData { get; set; }

    /// <summary>Seed for the detection subsample, its folds and the classifiers: same seed, same figures.</summary>
    public int Seed { get; set; }
}

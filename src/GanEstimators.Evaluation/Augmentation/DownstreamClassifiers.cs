using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// Ready-made downstream classifiers for <c>EvaluateAugmentation</c> (and <c>ganest augment --evaluate</c>): every
/// numeric and Boolean column other than the label as a number (missing values replaced by the mean), every text
/// column one-hot encoded, all standardised, into a linear model or boosted trees, on one thread. Other columns
/// (dates, keys, vectors) are left out. They predict into <c>PredictedLabel</c>. Given an example-weight column
/// (the class-weights baseline's <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/>), the trainer
/// weighs each training row by it; the column is not a feature.
/// </summary>
public static class DownstreamClassifiers
{
    private const string LabelKey = "__AugmentationLabel";
    private const string Features = "__AugmentationFeatures";

    /// <summary>SDCA maximum entropy (multinomial logistic regression).</summary>
    /// <param name="ml">The context the pipeline draws its randomness from.</param>
    /// <param name="schema">The data's schema: which columns become features.</param>
    /// <param name="labelColumnName">The class column.</param>
    /// <param name="exampleWeightColumnName">A Single column of per-row training weights (not in <paramref name="schema"/>, or left out of the features); null trains unweighted.</param>
    public static IEstimator<ITransformer> Linear(MLContext ml, DataViewSchema schema, string labelColumnName, string? exampleWeightColumnName = null) =>
        Prepare(ml, schema, labelColumnName, exampleWeightColumnName).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = LabelKey, FeatureColumnName = Features, ExampleWeightColumnName = exampleWeightColumnName, NumberOfThreads = 1 }));

    /// <summary>One-versus-all FastTree (boosted trees, FastTree's default settings).</summary>
    /// <param name="ml">The context the pipeline draws its randomness from.</param>
    /// <param name="schema">The data's schema: which columns become features.</param>
    /// <param name="labelColumnName">The class column.</param>
    /// <param name="exampleWeightColumnName">A Single column of per-row training weights (not in <paramref name="schema"/>, or left out of the features); null trains unweighted.</param>
    public static IEstimator<ITransformer> Trees(MLContext ml, DataViewSchema schema, string labelColumnName, string? exampleWeightColumnName = null) =>
        Prepare(ml, schema, labelColumnName, exampleWeightColumnName).Append(ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { FeatureColumnName = Features, LabelColumnName = LabelKey, ExampleWeightColumnName = exampleWeightColumnName, NumberOfThreads = 1 }),
            labelColumnName: LabelKey));

    private static IEstimator<ITransformer> Prepare(MLContext ml, DataViewSchema schema, string labelColumnName, string? exampleWeightColumnName)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.GetColumnOrNull(labelColumnName) is null)
            throw new ArgumentException($"Label column '{labelColumnName}' is not in the data.", nameof(labelColumnName));
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey(LabelKey, labelColumnName);
        var parts = new List<string>();
        foreach (var column in schema.Where(c => !c.IsHidden && c.Name != labelColumnName && c.Name != exampleWeightColumnName))
        {
            var part = $"__AugmentationFeature{parts.Count}";
            if (column.Type is NumberDataViewType or BooleanDataViewType)
                pipeline = pipeline.Append(ml.Transforms.Conversion.ConvertType(part, column.Name, DataKind.Single))
                    .Append(ml.Transforms.ReplaceMissingValues(part, part, MissingValueReplacingEstimator.ReplacementMode.Mean));
            else if (column.Type is TextDataViewType)
                pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(part, column.Name));
            else continue;
            parts.Add(part);
        }
        if (parts.Count == 0) throw new ArgumentException($"The data has no numeric, Boolean or text column besides '{labelColumnName}' to classify from.", nameof(schema));
        return pipeline.Append(ml.Transforms.Concatenate(Features, parts.ToArray()))
            .Append(ml.Transforms.NormalizeMeanVariance(Features));
    }
}

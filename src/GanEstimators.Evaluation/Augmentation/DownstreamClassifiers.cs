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
/// (dates, keys, vectors) are left out. They predict into <c>PredictedLabel</c>.
/// </summary>
public static class DownstreamClassifiers
{
    private const string LabelKey = "__AugmentationLabel";
    private const string Features = "__AugmentationFeatures";

    /// <summary>SDCA maximum entropy (multinomial logistic regression).</summary>
    public static IEstimator<ITransformer> Linear(MLContext ml, DataViewSchema schema, string labelColumnName) =>
        Prepare(ml, schema, labelColumnName).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = LabelKey, FeatureColumnName = Features, NumberOfThreads = 1 }));

    /// <summary>One-versus-all FastTree (boosted trees, FastTree's default settings).</summary>
    public static IEstimator<ITransformer> Trees(MLContext ml, DataViewSchema schema, string labelColumnName) =>
        Prepare(ml, schema, labelColumnName).Append(ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { FeatureColumnName = Features, LabelColumnName = LabelKey, NumberOfThreads = 1 }),
            labelColumnName: LabelKey));

    private static IEstimator<ITransformer> Prepare(MLContext ml, DataViewSchema schema, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.GetColumnOrNull(labelColumnName) is null)
            throw new ArgumentException($"Label column '{labelColumnName}' is not in the data.", nameof(labelColumnName));
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey(LabelKey, labelColumnName);
        var parts = new List<string>();
        foreach (var column in schema.Where(c => !c.IsHidden && c.Name != labelColumnName))
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

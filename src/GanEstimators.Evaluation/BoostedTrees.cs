using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace GanEstimators.Evaluation;

/// <summary>The FastTree classifier that detection and efficacy train, and the in-memory data it trains on.</summary>
internal static class BoostedTrees
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    /// <summary>
    /// Settings close to the reference judge's scikit-learn HistGradientBoostingClassifier defaults: 100 boosting
    /// rounds, learning rate 0.1, at most 31 leaves, at least 20 rows per leaf.
    /// </summary>
    public static FastTreeBinaryTrainer BinaryTrainer(MLContext ml, int seed) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            FeatureColumnName = FeaturesColumn,
            LabelColumnName = LabelColumn,
            NumberOfTrees = 100,
            LearningRate = 0.1,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 20,
            Seed = seed,
        });

    /// <summary>Rows of a Single feature vector and a label of the given type (Boolean or text).</summary>
    public static IDataView Examples<TLabel>(MLContext ml, IReadOnlyList<float[]> features, IReadOnlyList<TLabel> labels, DataViewType labelType)
    {
        var definition = SchemaDefinition.Create(typeof(Example<TLabel>));
        definition[nameof(Example<TLabel>.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count == 0 ? 1 : features[0].Length);
        definition[nameof(Example<TLabel>.Label)].ColumnType = labelType;
        return ml.Data.LoadFromEnumerable(
            features.Select((row, i) => new Example<TLabel> { Features = row, Label = labels[i] }).ToArray(), definition);
    }

    internal sealed class Example<TLabel>
    {
        public float[] Features = Array.Empty<float>();
        public TLabel Label = default!;
    }
}

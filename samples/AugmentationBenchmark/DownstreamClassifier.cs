using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace AugmentationBenchmark;

/// <summary>
/// The classifier every training set gets: the four measurements (and, with the date, its year and season), standardised,
/// into SDCA maximum entropy (linear) or one-versus-all FastTree (boosted trees); one thread, so a seed gives the same
/// model. Returns the predicted class of every test row.
/// </summary>
public static class DownstreamClassifier
{
    private sealed class Prediction
    {
        [ColumnName("PredictedWeather")] public string PredictedWeather { get; set; } = "";
    }

    public const string Linear = "sdca";
    public const string Trees = "fasttree";

    public static string Describe(string kind) => kind == Trees
        ? "one-versus-all FastTree (boosted trees, default options) on the standardised features"
        : "SDCA maximum entropy on the standardised features, one thread";

    public static string[] TrainAndPredict(MLContext ml, IDataView training, IDataView test, string kind, bool withDate)
    {
        IEstimator<ITransformer> trainer = kind == Trees
            ? ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = 1 }))
            : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 });
        var features = withDate ? WeatherRow.FeatureColumns.Concat(DateFeatures.Columns).ToArray() : WeatherRow.FeatureColumns;
        IEstimator<ITransformer> prepare = ml.Transforms.Conversion.MapValueToKey("Label", WeatherRow.ClassColumn);
        if (withDate) prepare = prepare.Append(DateFeatures.Estimator(ml));
        var pipeline = prepare
            .Append(ml.Transforms.Concatenate("Features", features))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(trainer)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedWeather", "PredictedLabel"));
        var scored = pipeline.Fit(training).Transform(test);
        return ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => p.PredictedWeather).ToArray();
    }
}

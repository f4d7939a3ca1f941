using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AugmentationBenchmark;

/// <summary>
/// The classifier every training set gets: the four measurements, standardised, into SDCA maximum entropy (one
/// thread, so a seed gives the same model). Returns the predicted class of every test row.
/// </summary>
public static class DownstreamClassifier
{
    private sealed class Prediction
    {
        [ColumnName("PredictedWeather")] public string PredictedWeather { get; set; } = "";
    }

    public static string[] TrainAndPredict(MLContext ml, IDataView training, IDataView test)
    {
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", WeatherRow.ClassColumn)
            .Append(ml.Transforms.Concatenate("Features", WeatherRow.FeatureColumns))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedWeather", "PredictedLabel"));
        var scored = pipeline.Fit(training).Transform(test);
        return ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => p.PredictedWeather).ToArray();
    }
}

using Microsoft.ML;

namespace GanEstimators.Tests.Support;

/// <summary>
/// Small, fast training settings on the ring, shared by the tests. They standardise the two coordinates (a plain MLP
/// generator): with mode-specific normalisation even an untrained generator lands near the ring's modes, which would
/// hide what the losses and the doctor do. Tabular defaults are tested in Tabular/.
/// </summary>
public static class RingTraining
{
    public static GanTrainer.Options Options(GanLoss loss, int epochs, string? condition = null) => new()
    {
        FeatureColumnNames = new[] { "X", "Y" },
        ConditionColumnName = condition,
        Loss = loss,
        Epochs = epochs,
        NumericEncoding = GanNumericEncoding.Standardization,
        BatchSize = 200,
        NoiseDimension = 8,
        Mlp =
        {
            GeneratorHiddenSizes = new[] { 64, 64 },
            DiscriminatorHiddenSizes = new[] { 64, 64 },
        },
    };

    public static GanSampler Fit(GanTrainer.Options options, int seed = 1, int rows = 2000, double sigma = 0.05)
    {
        var ml = new MLContext(seed);
        return ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, rows, sigma));
    }
}

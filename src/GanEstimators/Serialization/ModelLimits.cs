namespace GanEstimators.Serialization;

/// <summary>
/// Upper bounds on every size a saved GAN model states, checked before anything of that size is allocated, so an edited
/// or damaged file fails at once with a clear error instead of allocating gigabytes (or overflowing) first. Each bound is
/// far above what training produces (a 4096 × 4096 image, a million classes) or, for network sizes, the trainer's own
/// limits (GanTrainer.Options.MaxNoiseDimension, GanTrainer.ImageOptions.Max…, GanTrainer.MlpOptions.Max…); a model beyond one
/// cannot have been written by GanEstimators.
/// </summary>
internal static class ModelLimits
{
    /// <summary>Feature columns of one model.</summary>
    public const int MaxColumns = 65_536;

    /// <summary>Slots of one vector column (a 4096 × 4096 single-channel image).</summary>
    public const int MaxVectorSize = 1 << 24;

    /// <summary>Dimensions of a vector column's type.</summary>
    public const int MaxVectorDimensions = 8;

    /// <summary>Distinct levels a categorical column (or key values a key column) may have seen in training.</summary>
    public const int MaxCategoryLevels = 1 << 24;

    /// <summary>Classes of the condition column.</summary>
    public const int MaxConditionClasses = 1 << 20;

    /// <summary>Characters of one saved string (a column name, a category level, a diagnosis).</summary>
    public const int MaxStringLength = 1 << 20;

    /// <summary>Components of one column's Gaussian mixture (fitting keeps at most 10).</summary>
    public const int MaxMixtureComponents = 1024;

    /// <summary>Point masses of one column (ModeSpecific.PointMassShare ≥ 0.01 allows at most 100).</summary>
    public const int MaxPointMasses = 100;

    /// <summary>Width of one hidden layer, and of a DCGAN network's base channels: what the trainer accepts.</summary>
    public const int MaxLayerWidth = GanTrainer.MlpOptions.MaxHiddenLayerWidth > GanTrainer.ImageOptions.MaxBaseChannels
        ? GanTrainer.MlpOptions.MaxHiddenLayerWidth
        : GanTrainer.ImageOptions.MaxBaseChannels;

    /// <summary>Hidden layers of one MLP: what the trainer accepts.</summary>
    public const int MaxHiddenLayers = GanTrainer.MlpOptions.MaxHiddenLayers;

    /// <summary>Width of the generator's noise input: what the trainer accepts.</summary>
    public const int MaxNoiseDimension = GanTrainer.Options.MaxNoiseDimension;

    /// <summary>Rows PacGAN packs into one discriminator input.</summary>
    public const int MaxPacSize = 1024;

    /// <summary>Output spans of one generator.</summary>
    public const int MaxOutputSpans = 1 << 22;

    /// <summary>Epochs of a training history.</summary>
    public const int MaxEpochs = 10_000_000;

    /// <summary>Metrics recorded per epoch (this version writes 12; the count is saved, so older files with fewer load).</summary>
    public const int MaxEpochMetrics = 64;

    /// <summary>Diagnoses of a training history.</summary>
    public const int MaxDiagnoses = 1_000_000;

    /// <summary>Tensors of one saved network.</summary>
    public const int MaxStateDictEntries = 100_000;

    /// <summary>Dimensions of one saved tensor.</summary>
    public const int MaxTensorDimensions = 8;

    /// <summary>Bytes of the random generator's saved state (libtorch's CPU generator needs about 5 KB).</summary>
    public const int MaxRandomStateBytes = 1 << 20;

    /// <summary>Bytes of one stream of the model zip: what a byte array can hold.</summary>
    public const int MaxStreamBytes = 0x7FFFFFC7;

    /// <summary>Largest magnitude a saved weight may have; anything beyond is damage, not training.</summary>
    public const double MaxWeightMagnitude = 1e30;
}

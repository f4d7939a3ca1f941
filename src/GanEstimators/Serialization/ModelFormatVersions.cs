namespace GanEstimators.Serialization;

/// <summary>
/// The versions of the saved-model format (ML.NET's version number of the GANSAMPL model stream) and what each one
/// added: the changelog. The layout itself is Persistence/GanSamplerFormat; the components that save themselves
/// (encoders, network specs, training state) read these to know what an older file holds.
/// </summary>
internal static class ModelFormatVersions
{
    // Bump Current (and teach GanSamplerFormat.Load and the component concerned the difference) whenever the layout
    // changes. Formats before 0x00010004 were never released: 0x00010002 added categorical conditions, generator families and output heads, 0x00010003
    // DCGAN specs and the discriminator kind, 0x00010004 the condition's own weight rows in every layer
    // (ConditionedLinear), which renamed the weights. 0x00010005 added the observed values and date cycles of
    // mode-specific columns; 0x00010004 models still load (without them). 0x00010006 added the generator average's
    // state (and the trained generator's own weights) to the training state. 0x00010007 added the point masses of
    // mode-specific columns and the categorical slot frequencies within each class. 0x00010008 added the DCGAN
    // networks' depths (the generator's to the model stream, the discriminator's to the training state). 0x00010009
    // added the SHA-256 hashes of the model's content, Generator.bin and TrainingState.bin (ModelChecksums) before the
    // content of the model stream; older models load with a note that they cannot be checked. 0x0001000A added, after
    // the history, the constraints (GanTrainer.Options.Constraints, with each fixed combination's seen combinations
    // and each unique column's first number) and the combinations the conditionable columns took in training (for
    // telling an unseen exact request); older models load without constraints and without that check. 0x0001000B
    // added each mode-specific column's value quantiles (ValueQuantiles, after its point masses) for
    // GanSampler.CalibrateNumbers; older models load without them, and their numbers are not calibrated. 0x0001000C
    // added, after the combinations, the numeric columns the training rows fix by one or two categorical columns
    // (Constraints/DeterminedValues: flights' distance by route) with each combination's value, then the numeric columns
    // that are the sum of two others (Constraints/DeterminedSums: birdstrikes' total cost), for
    // GanSampler.KeepDeterminedValues; older models load without them, and their numbers are generated as before.
    // 0x0001000D added, after those, the training rows' normal-score correlations of the mode-specific columns without
    // point masses (Encoding/NormalScoreCorrelations) for GanSampler.CalibrateDependence; older models load without
    // them, and their calibrated numbers keep the generator's rank correlations.
    public const uint ObservedValuesVersion = 0x00010005;
    public const uint AveragedGeneratorVersion = 0x00010006;
    public const uint PointMassesVersion = 0x00010007;
    public const uint ImageNetworkDepthVersion = 0x00010008;
    public const uint ChecksumsVersion = 0x00010009;
    public const uint ConstraintsVersion = 0x0001000A;
    public const uint QuantilesVersion = 0x0001000B;
    public const uint DeterminedValuesVersion = 0x0001000C;
    public const uint CorrelationsVersion = 0x0001000D;

    /// <summary>The version this code writes.</summary>
    public const uint Current = CorrelationsVersion;

    /// <summary>The oldest version this code reads (older ones were never released).</summary>
    public const uint OldestReadable = 0x00010004;
}

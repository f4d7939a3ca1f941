using System.Collections.Immutable;

namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// The default value of every <see cref="Options"/> setting that has one. The optimiser settings
    /// (<see cref="Options.Optimizer"/>, <see cref="Options.LearningRate"/>, <see cref="Options.Beta1"/>,
    /// <see cref="Options.Beta2"/>, <see cref="Options.DiscriminatorSteps"/>) have none here: left null they take the
    /// chosen <see cref="GanLoss"/>'s paper's values (see <see cref="GanLoss"/>).
    /// </summary>
    public static class Defaults
    {
        /// <summary><see cref="Options.NumericEncoding"/>.</summary>
        public const GanNumericEncoding NumericEncoding = GanNumericEncoding.ModeSpecificNormalization;

        /// <summary><see cref="Options.MaxCategorySlots"/>.</summary>
        public const int MaxCategorySlots = 500;

        /// <summary><see cref="ModeSpecificOptions.ClampToObservedRange"/>.</summary>
        public const bool ClampToObservedRange = true;

        /// <summary><see cref="ModeSpecificOptions.SnapToObservedValues"/>.</summary>
        public const bool SnapToObservedValues = true;

        /// <summary><see cref="ModeSpecificOptions.PointMassShare"/>.</summary>
        public const double PointMassShare = 0.1;

        /// <summary><see cref="ModeSpecificOptions.EncodeDateCycles"/>.</summary>
        public const bool EncodeDateCycles = true;

        /// <summary><see cref="Options.EncoderFittingRows"/>.</summary>
        public const int EncoderFittingRows = 100_000;

        /// <summary><see cref="Options.Architecture"/>.</summary>
        public const GanArchitecture Architecture = GanArchitecture.Auto;

        /// <summary><see cref="ImageOptions.BaseChannels"/>.</summary>
        public const int ImageBaseChannels = 32;

        /// <summary><see cref="ImageOptions.GeneratorDepth"/>.</summary>
        public const int ImageGeneratorDepth = 1;

        /// <summary><see cref="ImageOptions.DiscriminatorDepth"/>.</summary>
        public const int ImageDiscriminatorDepth = 1;

        /// <summary><see cref="ImageOptions.SpectralNormalization"/>.</summary>
        public const bool SpectralNormalization = false;

        /// <summary><see cref="MlpOptions.GeneratorHiddenSizes"/>.</summary>
        public static readonly ImmutableArray<int> GeneratorHiddenSizes = ImmutableArray.Create(256, 256);

        /// <summary><see cref="MlpOptions.DiscriminatorHiddenSizes"/>.</summary>
        public static readonly ImmutableArray<int> DiscriminatorHiddenSizes = ImmutableArray.Create(256, 256);

        /// <summary><see cref="Options.BalanceConditionClasses"/>.</summary>
        public const bool BalanceConditionClasses = true;

        /// <summary><see cref="Options.FrequencyMatchingWeight"/> (0 is off).</summary>
        public const double FrequencyMatchingWeight = 0;

        /// <summary><see cref="Options.Loss"/>.</summary>
        public const GanLoss Loss = GanLoss.WassersteinGradientPenalty;

        /// <summary><see cref="Options.Epochs"/>.</summary>
        public const int Epochs = 300;

        /// <summary><see cref="Options.BatchSize"/>.</summary>
        public const int BatchSize = 256;

        /// <summary><see cref="Options.NoiseDimension"/>.</summary>
        public const int NoiseDimension = 64;

        /// <summary><see cref="Options.GeneratorAverageDecay"/> (0 is off).</summary>
        public const double GeneratorAverageDecay = 0;

        /// <summary>What a null <see cref="Options.WeightClip"/> means under <see cref="GanLoss.Wasserstein"/>.</summary>
        public const double WeightClip = Losses.WassersteinLoss.PaperClipValue;

        /// <summary>What a null <see cref="Options.GradientPenaltyWeight"/> means under <see cref="GanLoss.WassersteinGradientPenalty"/>.</summary>
        public const double GradientPenaltyWeight = Losses.WassersteinGradientPenaltyLoss.PaperPenaltyWeight;

        /// <summary><see cref="Options.PacSize"/> (1 is no packing).</summary>
        public const int PacSize = 1;

        /// <summary><see cref="Options.NonFinitePolicy"/>.</summary>
        public const GanNonFinitePolicy NonFinitePolicy = GanNonFinitePolicy.RestoreLastGood;

        /// <summary><see cref="Options.EnableDiagnostics"/>.</summary>
        public const bool EnableDiagnostics = true;

        /// <summary><see cref="Options.KeepTrainingState"/>.</summary>
        public const bool KeepTrainingState = true;
    }
}

using System.ComponentModel;

namespace GanEstimators;

public sealed partial class GanTrainer
{
    // The names of the first release, kept for one more so that code written against them still compiles.
    public sealed partial class Options
    {
        /// <summary>Old name of <see cref="ImageOptions.MaxNetworkDepth"/>.</summary>
        [Obsolete("Use GanTrainer.ImageOptions.MaxNetworkDepth; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public const int MaxImageNetworkDepth = ImageOptions.MaxNetworkDepth;

        /// <summary>Old name of <see cref="ImageOptions.MaxBaseChannels"/>.</summary>
        [Obsolete("Use GanTrainer.ImageOptions.MaxBaseChannels; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public const int MaxImageBaseChannels = ImageOptions.MaxBaseChannels;

        /// <summary>Old name of <see cref="MlpOptions.MaxHiddenLayerWidth"/>.</summary>
        [Obsolete("Use GanTrainer.MlpOptions.MaxHiddenLayerWidth; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public const int MaxHiddenLayerWidth = MlpOptions.MaxHiddenLayerWidth;

        /// <summary>Old name of <see cref="MlpOptions.MaxHiddenLayers"/>.</summary>
        [Obsolete("Use GanTrainer.MlpOptions.MaxHiddenLayers; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public const int MaxHiddenLayers = MlpOptions.MaxHiddenLayers;

        /// <summary>Old name of <see cref="ModeSpecificOptions.ClampToObservedRange"/>.</summary>
        [Obsolete("Use Options.ModeSpecific.ClampToObservedRange; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool ClampToObservedRange { get => ModeSpecific.ClampToObservedRange; set => ModeSpecific.ClampToObservedRange = value; }

        /// <summary>Old name of <see cref="ModeSpecificOptions.SnapToObservedValues"/>.</summary>
        [Obsolete("Use Options.ModeSpecific.SnapToObservedValues; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool SnapToObservedValues { get => ModeSpecific.SnapToObservedValues; set => ModeSpecific.SnapToObservedValues = value; }

        /// <summary>Old name of <see cref="ModeSpecificOptions.PointMassShare"/>.</summary>
        [Obsolete("Use Options.ModeSpecific.PointMassShare; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public double PointMassShare { get => ModeSpecific.PointMassShare; set => ModeSpecific.PointMassShare = value; }

        /// <summary>Old name of <see cref="ModeSpecificOptions.EncodeDateCycles"/>.</summary>
        [Obsolete("Use Options.ModeSpecific.EncodeDateCycles; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool EncodeDateCycles { get => ModeSpecific.EncodeDateCycles; set => ModeSpecific.EncodeDateCycles = value; }

        /// <summary>Old name of <see cref="ImageOptions.Shape"/>.</summary>
        [Obsolete("Use Options.Image.Shape; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public GanImageShape? ImageShape { get => Image.Shape; set => Image.Shape = value; }

        /// <summary>Old name of <see cref="ImageOptions.BaseChannels"/>.</summary>
        [Obsolete("Use Options.Image.BaseChannels; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int ImageBaseChannels { get => Image.BaseChannels; set => Image.BaseChannels = value; }

        /// <summary>Old name of <see cref="ImageOptions.GeneratorDepth"/>.</summary>
        [Obsolete("Use Options.Image.GeneratorDepth; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int ImageGeneratorDepth { get => Image.GeneratorDepth; set => Image.GeneratorDepth = value; }

        /// <summary>Old name of <see cref="ImageOptions.DiscriminatorDepth"/>.</summary>
        [Obsolete("Use Options.Image.DiscriminatorDepth; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int ImageDiscriminatorDepth { get => Image.DiscriminatorDepth; set => Image.DiscriminatorDepth = value; }

        /// <summary>Old name of <see cref="ImageOptions.SpectralNormalization"/>.</summary>
        [Obsolete("Use Options.Image.SpectralNormalization; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool SpectralNormalization { get => Image.SpectralNormalization; set => Image.SpectralNormalization = value; }

        /// <summary>Old name of <see cref="MlpOptions.GeneratorHiddenSizes"/>.</summary>
        [Obsolete("Use Options.Mlp.GeneratorHiddenSizes; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int[] GeneratorHiddenSizes { get => Mlp.GeneratorHiddenSizes; set => Mlp.GeneratorHiddenSizes = value; }

        /// <summary>Old name of <see cref="MlpOptions.DiscriminatorHiddenSizes"/>.</summary>
        [Obsolete("Use Options.Mlp.DiscriminatorHiddenSizes; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int[] DiscriminatorHiddenSizes { get => Mlp.DiscriminatorHiddenSizes; set => Mlp.DiscriminatorHiddenSizes = value; }

        /// <summary>Old name of <see cref="DiscriminatorSteps"/>.</summary>
        [Obsolete("Use Options.DiscriminatorSteps; this name will be removed in the next release.")]
        [EditorBrowsable(EditorBrowsableState.Never)]
        public int? CriticSteps { get => DiscriminatorSteps; set => DiscriminatorSteps = value; }
    }
}

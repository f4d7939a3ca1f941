namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// Settings of the DCGAN image networks (<see cref="GanArchitecture.Dcgan"/>): <c>options.Image.BaseChannels = 64</c>.
    /// Changing one with <see cref="Options.Architecture"/> = <see cref="GanArchitecture.Mlp"/> or
    /// <see cref="GanArchitecture.Residual"/> is an error.
    /// </summary>
    public sealed class ImageOptions
    {
        /// <summary>The largest <see cref="GeneratorDepth"/> and <see cref="DiscriminatorDepth"/>.</summary>
        public const int MaxNetworkDepth = 4;

        /// <summary>The largest <see cref="BaseChannels"/> (the DCGAN paper's networks correspond to 64–128).</summary>
        public const int MaxBaseChannels = 1024;

        /// <summary>
        /// How the single feature vector forms an image. Null (default) reads the shape from the vector type's
        /// dimensions (H×W or C×H×W). Set it for a flat vector, e.g. 64 pixel columns concatenated:
        /// <c>Image = { Shape = (1, 8, 8) }</c>; with <see cref="GanArchitecture.Auto"/> this also selects DCGAN.
        /// </summary>
        public GanImageShape? Shape { get; set; }

        /// <summary>
        /// Width of the DCGAN networks: the discriminator's convolutions have base and 2·base channels, the generator's
        /// 2·base, base and base/2. Default 32, which trains 28×28 images in reasonable time on a CPU; the DCGAN paper's
        /// networks correspond to 64–128. At least 2, at most <see cref="MaxBaseChannels"/>.
        /// </summary>
        public int BaseChannels { get; set; } = Defaults.ImageBaseChannels;

        /// <summary>
        /// Convolutions per resolution in the DCGAN generator. 1 (default) is DCGAN's: one transposed convolution per
        /// doubling. Each step above adds a batch-normalized 3×3 convolution of the same width after every doubling. At
        /// most <see cref="MaxNetworkDepth"/>.
        /// </summary>
        public int GeneratorDepth { get; set; } = Defaults.ImageGeneratorDepth;

        /// <summary>
        /// Convolutions per resolution in the DCGAN discriminator. 1 (default) is DCGAN's: one stride-2 4×4 convolution
        /// per halving. Each step above adds a 3×3 stride-1 convolution (same channels, LeakyReLU, normalized like the
        /// rest) after every halving, which deepens the discriminator as in SNGAN's CNN (Miyato et al. 2018) without
        /// widening its features. At most <see cref="MaxNetworkDepth"/>. On a GPU these small networks are bound by
        /// launch overhead, so depth costs little time there; on a CPU depth 2 triples the discriminator's work.
        /// </summary>
        public int DiscriminatorDepth { get; set; } = Defaults.ImageDiscriminatorDepth;

        /// <summary>
        /// Spectral normalization of every DCGAN discriminator layer (Miyato et al. 2018) instead of batch
        /// normalization (or none, which the Wasserstein losses get). Default false. Not with
        /// <see cref="GanLoss.Wasserstein"/>, whose weight clipping would fight it.
        /// </summary>
        public bool SpectralNormalization { get; set; } = Defaults.SpectralNormalization;

        /// <summary>The settings changed from their defaults, by name, for an error message.</summary>
        internal IEnumerable<string> Changed()
        {
            if (Shape is not null) yield return $"{nameof(Shape)} = {Shape}";
            if (BaseChannels != Defaults.ImageBaseChannels) yield return $"{nameof(BaseChannels)} = {BaseChannels}";
            if (GeneratorDepth != Defaults.ImageGeneratorDepth) yield return $"{nameof(GeneratorDepth)} = {GeneratorDepth}";
            if (DiscriminatorDepth != Defaults.ImageDiscriminatorDepth) yield return $"{nameof(DiscriminatorDepth)} = {DiscriminatorDepth}";
            if (SpectralNormalization != Defaults.SpectralNormalization) yield return $"{nameof(SpectralNormalization)} = {SpectralNormalization}";
        }
    }
}

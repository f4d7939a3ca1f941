namespace GanEstimators;

public sealed partial class GanTrainer
{
    /// <summary>
    /// Sizes of the tabular networks (<see cref="GanArchitecture.Mlp"/> and <see cref="GanArchitecture.Residual"/>):
    /// <c>options.Mlp.GeneratorHiddenSizes = new[] { 128, 128 }</c>. Changing one with
    /// <see cref="Options.Architecture"/> = <see cref="GanArchitecture.Dcgan"/> is an error.
    /// </summary>
    public sealed class MlpOptions
    {
        /// <summary>The widest hidden layer in <see cref="GeneratorHiddenSizes"/> and <see cref="DiscriminatorHiddenSizes"/> (a layer this wide holds 64 M weights per square layer).</summary>
        public const int MaxHiddenLayerWidth = 8192;

        /// <summary>The most hidden layers in <see cref="GeneratorHiddenSizes"/> and <see cref="DiscriminatorHiddenSizes"/>.</summary>
        public const int MaxHiddenLayers = 16;

        /// <summary>Hidden layer widths of the generator. Default { 256, 256 }; at most <see cref="MaxHiddenLayers"/> layers of at most <see cref="MaxHiddenLayerWidth"/>.</summary>
        public int[] GeneratorHiddenSizes { get; set; } = Defaults.GeneratorHiddenSizes.ToArray();

        /// <summary>Hidden layer widths of the discriminator (critic). Default { 256, 256 }; at most <see cref="MaxHiddenLayers"/> layers of at most <see cref="MaxHiddenLayerWidth"/>.</summary>
        public int[] DiscriminatorHiddenSizes { get; set; } = Defaults.DiscriminatorHiddenSizes.ToArray();

        /// <summary>The settings changed from their defaults, by name, for an error message.</summary>
        internal IEnumerable<string> Changed()
        {
            if (GeneratorHiddenSizes is not null && !GeneratorHiddenSizes.SequenceEqual(Defaults.GeneratorHiddenSizes))
                yield return $"{nameof(GeneratorHiddenSizes)} = {{ {string.Join(", ", GeneratorHiddenSizes)} }}";
            if (DiscriminatorHiddenSizes is not null && !DiscriminatorHiddenSizes.SequenceEqual(Defaults.DiscriminatorHiddenSizes))
                yield return $"{nameof(DiscriminatorHiddenSizes)} = {{ {string.Join(", ", DiscriminatorHiddenSizes)} }}";
        }
    }
}

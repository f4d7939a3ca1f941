namespace GanEstimators;

/// <summary>The generator's network family.</summary>
public enum GanArchitecture
{
    /// <summary>
    /// <see cref="Dcgan"/> when the only feature column is a Single vector with image dimensions (H×W or C×H×W, as
    /// <c>ExtractPixels</c> and <see cref="Loading.IdxImages"/> produce) or <see cref="GanTrainer.ImageOptions.Shape"/>
    /// is set; otherwise <see cref="Residual"/> for tables with categorical or mode-normalised columns, MLP for the rest.
    /// </summary>
    Auto,

    /// <summary>A plain multilayer perceptron with ReLU.</summary>
    Mlp,

    /// <summary>CTGAN's residual generator: each hidden layer's batch-normalised ReLU output is concatenated to its input.</summary>
    Residual,

    /// <summary>
    /// Convolutional DCGAN networks for images (Radford et al. 2016): one Single vector feature column holding the
    /// pixels channel-first. Pixels are scaled to [−1, 1] from the range seen in training and generated through a tanh.
    /// </summary>
    Dcgan,
}

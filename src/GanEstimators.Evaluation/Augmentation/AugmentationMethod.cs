namespace GanEstimators.Evaluation.Augmentation;

/// <summary>How a training set was made from a fold's real training rows.</summary>
public enum AugmentationMethod
{
    /// <summary>The real training rows alone.</summary>
    RealOnly,

    /// <summary>Real rows plus copies of real rows of the same class, drawn at random with replacement.</summary>
    RandomOversampling,

    /// <summary>Real rows plus SMOTE-style interpolations between a real row and one of its nearest neighbours of the same class.</summary>
    Smote,

    /// <summary>Real rows plus rows of a GAN trained on the fold's training rows, conditioned on the class.</summary>
    Gan,

    /// <summary>
    /// The real training rows alone, each weighted inversely to its class's frequency in the fold's training rows
    /// (weights average 1), through the trainer's example-weight column; see <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/>.
    /// </summary>
    ClassWeights,
}

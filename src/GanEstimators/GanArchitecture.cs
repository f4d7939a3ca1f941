namespace GanEstimators;

/// <summary>The generator's network family.</summary>
public enum GanArchitecture
{
    /// <summary>Residual for tables with categorical or mode-normalised columns, MLP otherwise.</summary>
    Auto,

    /// <summary>A plain multilayer perceptron with ReLU.</summary>
    Mlp,

    /// <summary>CTGAN's residual generator: each hidden layer's batch-normalised ReLU output is concatenated to its input.</summary>
    Residual,
}

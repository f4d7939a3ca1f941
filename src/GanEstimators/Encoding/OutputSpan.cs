namespace GanEstimators.Encoding;

/// <summary>How the generator's raw output for one span of its output vector is activated.</summary>
internal enum SpanActivation
{
    /// <summary>Left as it is (standardised numbers).</summary>
    Identity,

    /// <summary>Squashed to (−1, 1) (the scalar part of mode-specific normalisation).</summary>
    Tanh,

    /// <summary>A one-hot choice, made differentiable with Gumbel-softmax (categories, mixture modes).</summary>
    Softmax,
}

/// <summary>A contiguous run of encoded values that share one output activation.</summary>
internal readonly record struct OutputSpan(int Offset, int Width, SpanActivation Activation)
{
    public OutputSpan Shift(int by) => this with { Offset = Offset + by };
}

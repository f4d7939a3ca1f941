namespace GanEstimators.Conditioning;

/// <summary>
/// What a batch of generated rows must satisfy: the class of each row (conditional GANs) and fixed values of
/// categorical feature columns (exact conditional sampling): the slot to set in the conditional vector and the raw
/// value written into the decoded rows, so every row satisfies the request by construction.
/// </summary>
internal sealed record GenerationRequest(int[]? ClassIndices, IReadOnlyList<FixedCategory> FixedCategories)
{
    public static GenerationRequest ForClasses(int[]? classIndices) => new(classIndices, Array.Empty<FixedCategory>());

    /// <summary>The place of the batch's first row in its sample (or the input row's position in a transform): where a unique column's numbering of these rows starts.</summary>
    public long FirstRow { get; init; }
}

/// <summary>A categorical feature column fixed to one value: its encoder index, conditional-vector position and raw value.</summary>
internal sealed record FixedCategory(int ColumnIndex, int ConditionIndex, float RawValue);

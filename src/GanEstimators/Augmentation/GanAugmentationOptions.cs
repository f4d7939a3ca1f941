namespace GanEstimators.Augmentation;

/// <summary>
/// What <see cref="GanCatalog.Augment"/> adds to the real rows. Set exactly one of <see cref="SyntheticRowCount"/>
/// and <see cref="BalanceColumnName"/>.
/// </summary>
public sealed class GanAugmentationOptions
{
    /// <summary>Add this many synthetic rows (zero or more); a conditional GAN draws their classes from the training frequencies.</summary>
    public int? SyntheticRowCount { get; set; }

    /// <summary>
    /// Add synthetic rows of each class of this column until every class present in the data has as many rows as the
    /// largest. It must be one of the sampler's <see cref="GanSampler.ConditionableColumnNames"/>. Rows with a missing
    /// value in it are kept but not counted; classes absent from the data are not added.
    /// </summary>
    public string? BalanceColumnName { get; set; }

    /// <summary>
    /// How far <see cref="BalanceColumnName"/> evens out the classes: each smaller class gets synthetic rows until it has
    /// this share of the largest class's rows (rounded to the nearest row); classes already there get none. 1 (the
    /// default) balances fully; 0.5 brings every class to at least half the largest — like imbalanced-learn's float
    /// <c>sampling_strategy</c>. Full balancing moves a classifier's priors far from the real class frequencies, which
    /// can cost more on the large classes than it gains on the small ones. In (0, 1].
    /// </summary>
    public double BalanceRatio { get; set; } = 1;

    /// <summary>
    /// Seed of the synthetic rows: every chunk's sampling seed derives from it and the chunk's index, so every cursor
    /// sees the same rows. Null takes one from the <c>MLContext</c> seed when <see cref="GanCatalog.Augment"/> is called.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>Synthetic rows generated per call to the sampler; at most one chunk per cursor is held in memory. Default 4096.</summary>
    public int ChunkSize { get; set; } = 4096;

    /// <summary>Called whenever a cursor generates a chunk of synthetic rows (on the cursor's thread): progress reporting, or proof that nothing is generated early.</summary>
    public Action<GanSyntheticChunk>? ChunkGenerated { get; set; }
}

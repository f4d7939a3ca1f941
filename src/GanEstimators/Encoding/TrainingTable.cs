namespace GanEstimators.Encoding;

/// <summary>
/// The training rows as read from the data view: feature values row-major (rows × the encoder's raw width), for a
/// conditional GAN each row's condition in text form, and for each categorical feature column the levels the read met
/// (their ids are the raw values; null for other columns).
/// </summary>
internal sealed record TrainingTable(float[] Raw, int Rows, string[]? Conditions, IReadOnlyList<LevelsRead?> Levels)
{
    /// <summary>Rows read from the data view: more than <see cref="Rows"/> when a reservoir sample was kept (MaxTrainingRows).</summary>
    public long RowsRead { get; init; } = -1;
}

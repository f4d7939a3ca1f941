namespace GanEstimators.Encoding;

/// <summary>
/// The training rows as read from the data view: feature values row-major (rows × width) and, for a conditional
/// GAN, each row's condition in text form.
/// </summary>
internal sealed record TrainingTable(float[] Raw, int Rows, int Width, string[]? Conditions);

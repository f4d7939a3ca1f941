namespace GanEstimators.Cli.Commands;

/// <summary><c>ganest train --constraint</c>: the text forms of <see cref="GanConstraint"/>, read by the library's parser.</summary>
internal static class ConstraintOption
{
    public const string Description =
        "A rule every generated row follows (repeatable; quote it): \"temp_min <= temp_max\" (a column never below another), " +
        "\"0 <= wind <= 20\" (a numeric column within bounds), \"fixed: island, species\" (only combinations seen in the data), " +
        "\"unique: id\" (a numeric ID numbered after the data's largest). The data must already follow it.";

    public static GanConstraint[] Parse(string[]? texts) =>
        (texts ?? Array.Empty<string>()).Select(text =>
        {
            try
            {
                return GanConstraint.Parse(text);
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"--constraint: {e.Message}", e);
            }
        }).ToArray();
}

namespace GanEstimators.Tests.Support;

/// <summary>
/// The root of the folders the command-line tests write into: one per test process, so two test runs on one machine
/// (two checkouts, CI beside a developer) never delete or overwrite each other's files.
/// </summary>
public static class TempFolders
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "ganest-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

namespace GanEstimators.Cli.Files;

/// <summary>Checks that an input path names an existing file, with a message naming the option.</summary>
public static class InputFile
{
    public static void CheckExists(string path, string option, string expected)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} must name {expected}; got an empty path.");
        if (Directory.Exists(path)) throw new ArgumentException($"{option} '{path}' is a directory; {expected} was expected.");
        if (!File.Exists(path)) throw new FileNotFoundException($"{option} '{path}' does not exist; {expected} was expected.", path);
    }
}

using System.Text.RegularExpressions;

namespace GanEstimators.Tests.Readme;

/// <summary>One fenced C# block of README.md: its first line number, whether it is marked a fragment, and its code.</summary>
public sealed record ReadmeCodeBlock(int Line, bool IsFragment, string Code);

/// <summary>
/// The ```csharp blocks of a Markdown file. A block opened with ```csharp is a whole program (top-level statements,
/// then any types); one opened with ```csharp fragment is deliberately partial. Any other word after csharp is an
/// error, so a typo cannot turn a program into an unchecked block.
/// </summary>
public static partial class ReadmeCodeBlocks
{
    public static IReadOnlyList<ReadmeCodeBlock> Read(string markdown)
    {
        var blocks = new List<ReadmeCodeBlock>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Opening().Match(lines[i]);
            if (!fence.Success) continue;
            var marker = fence.Groups["marker"].Value.Trim();
            if (marker is not ("" or "fragment"))
                throw new FormatException($"README.md line {i + 1}: ```csharp may be followed only by 'fragment'; got '{marker}'.");
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
            if (i == lines.Length) throw new FormatException($"README.md line {start + 1}: the ```csharp block is never closed.");
            blocks.Add(new ReadmeCodeBlock(start + 1, marker == "fragment", string.Join('\n', code) + "\n"));
        }
        return blocks;
    }

    /// <summary>The program as the test runs it: every <c>Epochs = N</c> becomes <c>Epochs = epochs</c>, nothing else changes.</summary>
    public static string WithEpochs(string code, int epochs) => EpochsSetting().Replace(code, $"Epochs = {epochs}");

    [GeneratedRegex(@"^```csharp(?<marker>.*)$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"\bEpochs = \d+")]
    private static partial Regex EpochsSetting();
}

using System.Globalization;

namespace GanEstimators.FuzzTests;

using Text = System.Text.Encoding;

/// <summary>
/// Random CSV files: valid tables of mixed columns (numbers, integers, categories, dates, booleans, missing values,
/// quoted fields), and the same with one kind of damage a user's file can have.
/// </summary>
internal static class RandomTables
{
    private static readonly string[] Words = { "red", "green", "blue", "Dream", "Biscoe", "a b", "x,y", "naïve", "\"q\"" };

    public static (byte[] Bytes, string What) Make(Random random)
    {
        var columns = 1 + random.Next(5);
        var kinds = Enumerable.Range(0, columns).Select(_ => random.Next(5)).ToArray();
        var rows = 20 + random.Next(120);
        var lines = new List<string> { string.Join(",", kinds.Select((k, i) => $"c{i}_{"nicdb"[k]}")) };
        for (var r = 0; r < rows; r++)
            lines.Add(string.Join(",", kinds.Select(k => Field(k, random))));
        var damage = random.Next(14);
        var what = Describe(damage);
        var text = string.Join("\n", lines) + "\n";
        var bytes = damage switch
        {
            1 => Text.UTF8.GetBytes(string.Join("\n", lines.Take(1)) + "\n"),
            2 => Array.Empty<byte>(),
            3 => Text.UTF8.GetBytes(Ragged(lines, random)),
            4 => Inject(Text.UTF8.GetBytes(text), random, new byte[] { 0xFF, 0xFE, 0xC3 }),
            5 => Text.UTF8.GetBytes(text.Replace(',', ';')),
            6 => Text.UTF8.GetBytes(text.Replace(',', '\t')),
            7 => Text.UTF8.GetBytes(ReplaceField(lines, random, "1e300")),
            8 => Text.UTF8.GetBytes(ReplaceField(lines, random, "\"line\nbreak\"")),
            9 => Text.UTF8.GetBytes(text.Replace("\n", "\r\n")),
            10 => Text.UTF8.GetPreamble().Concat(Text.UTF8.GetBytes(text)).ToArray(),
            11 => Text.UTF8.GetBytes(string.Join("\n", lines.Select((l, i) => i == 0 ? l.Replace("c1", "c0") : l)) + "\n"),
            12 => Inject(Text.UTF8.GetBytes(text), random, new byte[] { 0x00, 0x7F, 0x22 }),
            13 => Text.UTF8.GetBytes(ReplaceField(lines, random, "NaN")),
            _ => Text.UTF8.GetBytes(text),
        };
        return (bytes, $"{columns} columns ({string.Join("", kinds.Select(k => "nicdb"[k]))}), {rows} rows, {what}");
    }

    private static string Describe(int damage) => damage switch
    {
        1 => "header only",
        2 => "empty file",
        3 => "a ragged row",
        4 => "bytes that are not UTF-8",
        5 => "semicolon-separated",
        6 => "tab-separated",
        7 => "a number beyond Single",
        8 => "a quoted line break",
        9 => "CRLF line ends",
        10 => "a byte-order mark",
        11 => "a duplicate column name",
        12 => "control bytes and a stray quote",
        13 => "a NaN field",
        _ => "valid",
    };

    private static string Field(int kind, Random random)
    {
        if (random.Next(12) == 0) return "";
        return kind switch
        {
            0 => (random.NextDouble() * 200 - 50).ToString("F3", CultureInfo.InvariantCulture),
            1 => random.Next(-5, 40).ToString(CultureInfo.InvariantCulture),
            2 => Quote(Words[random.Next(Words.Length)]),
            3 => new DateTime(2019, 1, 1).AddDays(random.Next(900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => random.Next(2) == 0 ? "true" : "false",
        };
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Ragged(List<string> lines, Random random)
    {
        var copy = lines.ToList();
        var row = 1 + random.Next(copy.Count - 1);
        copy[row] += random.Next(2) == 0 ? ",extra" : "";
        if (copy[row] == lines[row]) copy[row] = copy[row].Contains(',') ? copy[row][..copy[row].LastIndexOf(',')] : copy[row] + ",1";
        return string.Join("\n", copy) + "\n";
    }

    private static string ReplaceField(List<string> lines, Random random, string value)
    {
        var copy = lines.ToList();
        var row = 1 + random.Next(copy.Count - 1);
        copy[row] = value + copy[row][Math.Max(0, copy[row].IndexOf(',')) ..];
        if (!copy[row].StartsWith(value + ",", StringComparison.Ordinal) && copy[row] != value) copy[row] = value;
        return string.Join("\n", copy) + "\n";
    }

    private static byte[] Inject(byte[] bytes, Random random, byte[] choices)
    {
        var copy = (byte[])bytes.Clone();
        var start = Array.IndexOf(copy, (byte)'\n') + 1;
        for (var i = 0; i < 3; i++) copy[start + random.Next(copy.Length - start - 1)] = choices[random.Next(choices.Length)];
        return copy;
    }
}

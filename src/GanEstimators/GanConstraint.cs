using System.Globalization;

namespace GanEstimators;

/// <summary>
/// A rule every generated row must follow, given to <see cref="GanTrainer.Options.Constraints"/> and saved with the
/// model. Inequality and scalar range are enforced by construction (the model learns a reparameterised column and
/// decoding rebuilds it inside the rule), fixed combinations by replacing a combination never seen in training with a
/// seen one, and uniqueness by numbering the column, so every row follows the rule without a rejection loop. Training
/// data that breaks a rule is an error naming the rule, the column and the first row that breaks it.
/// </summary>
public sealed class GanConstraint : IEquatable<GanConstraint>
{
    /// <summary>The forms <see cref="Parse"/> reads, for help texts and error messages.</summary>
    public const string TextForms = "\"LOW_COLUMN <= HIGH_COLUMN\" (or >=), \"LOW <= COLUMN <= HIGH\" with numbers LOW < HIGH, \"fixed: COLUMN, COLUMN[, ...]\", \"unique: COLUMN\"";

    private GanConstraint(GanConstraintKind kind, string[] columnNames, double low = double.NaN, double high = double.NaN)
    {
        Kind = kind;
        ColumnNames = columnNames;
        Low = low;
        High = high;
    }

    /// <summary>Which rule this is.</summary>
    public GanConstraintKind Kind { get; }

    /// <summary>
    /// The columns the rule is about: (low, high) for <see cref="GanConstraintKind.Inequality"/>, the column for
    /// <see cref="GanConstraintKind.ScalarRange"/> and <see cref="GanConstraintKind.Unique"/>, the columns of
    /// <see cref="GanConstraintKind.FixedCombinations"/>.
    /// </summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The lower bound of a <see cref="GanConstraintKind.ScalarRange"/> (NaN for the other kinds).</summary>
    public double Low { get; }

    /// <summary>The upper bound of a <see cref="GanConstraintKind.ScalarRange"/> (NaN for the other kinds).</summary>
    public double High { get; }

    /// <summary>
    /// <paramref name="highColumnName"/> is never below <paramref name="lowColumnName"/> (equal is allowed), e.g.
    /// <c>Inequality("temp_min", "temp_max")</c>. Both numeric (Single, Double or an integer type; an integer high column
    /// must hold every difference high − low of the training rows). The model learns the non-negative difference in
    /// place of the high column and decoding adds it back, rounding an integer high column up to the low value where
    /// rounding would put it below. A missing value in either column is allowed (the rule is about rows where both are
    /// present), but where low is missing the difference is too, so high is learned and generated as missing there (an
    /// integer high column, which cannot be missing, needs a low column without missing values).
    /// </summary>
    public static GanConstraint Inequality(string lowColumnName, string highColumnName)
    {
        var low = Name(lowColumnName, nameof(lowColumnName));
        var high = Name(highColumnName, nameof(highColumnName));
        if (low == high) throw new ArgumentException($"An inequality needs two different columns; both are '{low}'.", nameof(highColumnName));
        return new GanConstraint(GanConstraintKind.Inequality, new[] { low, high });
    }

    /// <summary>
    /// <paramref name="columnName"/> stays within [<paramref name="low"/>, <paramref name="high"/>] (bounds included),
    /// e.g. <c>ScalarRange("wind", 0, 20)</c>. A Single or Double column is learned through the logit of its place in
    /// the range, so decoding can only land inside it; an integer column is clamped to the whole numbers inside it.
    /// </summary>
    public static GanConstraint ScalarRange(string columnName, double low, double high)
    {
        var name = Name(columnName, nameof(columnName));
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The range of column '{name}' must have finite bounds with low < high; got [{Text(low)}, {Text(high)}].");
        return new GanConstraint(GanConstraintKind.ScalarRange, new[] { name }, low, high);
    }

    /// <summary>
    /// The categorical columns (features or the condition column) only take combinations of values that occur
    /// together in a training row, e.g. <c>FixedCombinations("island", "species")</c>. A generated row whose
    /// combination was never seen keeps its values in the columns that were fixed (the condition class, exact
    /// conditions) and, where it can, in the first other column, and takes the rest from a seen combination drawn by
    /// training frequency.
    /// </summary>
    public static GanConstraint FixedCombinations(params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        var names = columnNames.Select(n => Name(n, nameof(columnNames))).ToArray();
        if (names.Length < 2) throw new ArgumentException($"Fixed combinations need at least two columns; got {names.Length}.", nameof(columnNames));
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Fixed combinations name column '{twice.Key}' twice.", nameof(columnNames));
        return new GanConstraint(GanConstraintKind.FixedCombinations, names);
    }

    /// <summary>
    /// <paramref name="columnName"/> (a numeric ID column) holds a different value in every row of one sample: the
    /// sampler numbers the rows after the largest training value (largest + 1, + 2, …), so synthetic IDs never repeat
    /// and never coincide with a real one. Rows are numbered, not rejected, so a sample never comes back short.
    /// </summary>
    public static GanConstraint Unique(string columnName) =>
        new(GanConstraintKind.Unique, new[] { Name(columnName, nameof(columnName)) });

    /// <summary>
    /// Reads a constraint written as <see cref="ToString"/> writes it: <c>temp_min &lt;= temp_max</c>,
    /// <c>0 &lt;= wind &lt;= 20</c>, <c>fixed: island, species</c>, <c>unique: id</c> (see <see cref="TextForms"/>).
    /// </summary>
    /// <exception cref="FormatException">The text is none of the forms; the message quotes it and lists them.</exception>
    public static GanConstraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return ParseCore(text.Trim());
        }
        catch (ArgumentException e)
        {
            var why = e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : e.Message;
            throw new FormatException($"Cannot read the constraint '{text}': {why} Expected one of {TextForms}.", e);
        }
    }

    private static GanConstraint ParseCore(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var keyword = text[..colon].Trim().ToLowerInvariant();
            var columns = text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
            return keyword switch
            {
                "fixed" => FixedCombinations(columns),
                "unique" => columns.Length == 1 ? Unique(columns[0]) : throw new ArgumentException($"'unique:' takes one column; got {columns.Length}."),
                _ => throw new ArgumentException($"'{keyword}:' is not a kind of constraint; use 'fixed:' or 'unique:'."),
            };
        }
        var descending = text.Contains(">=", StringComparison.Ordinal);
        if (descending && text.Contains("<=", StringComparison.Ordinal)) throw new ArgumentException("It mixes <= and >=.");
        var parts = text.Split(descending ? ">=" : "<=", StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
            throw new ArgumentException(text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal)
                ? "Strict inequalities (< or >) are not supported; use <= or >=." : "It has no <=, >=, 'fixed:' or 'unique:'.");
        if (parts.Any(p => p.Contains('<', StringComparison.Ordinal) || p.Contains('>', StringComparison.Ordinal) || p.Contains('=', StringComparison.Ordinal)))
            throw new ArgumentException("Strict inequalities (< or >) and = are not supported; use <= or >=.");
        if (descending) Array.Reverse(parts);
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray();
        return parts.Length switch
        {
            2 when numbers.All(n => n is null) => Inequality(parts[0], parts[1]),
            2 => throw new ArgumentException($"A bound on one side only is not supported; give both, e.g. \"0 <= {parts[numbers[0] is null ? 0 : 1]} <= 100\"."),
            3 when numbers[0] is { } low && numbers[1] is null && numbers[2] is { } high => ScalarRange(parts[1], low, high),
            3 => throw new ArgumentException("A chain of three needs a number, a column and a number (LOW <= COLUMN <= HIGH)."),
            _ => throw new ArgumentException($"It chains {parts.Length} terms; a constraint has two (columns) or three (number, column, number)."),
        };
    }

    /// <summary>The constraint in the form <see cref="Parse"/> reads, e.g. <c>temp_min &lt;= temp_max</c>.</summary>
    public override string ToString() => Kind switch
    {
        GanConstraintKind.Inequality => $"{ColumnNames[0]} <= {ColumnNames[1]}",
        GanConstraintKind.ScalarRange => $"{Text(Low)} <= {ColumnNames[0]} <= {Text(High)}",
        GanConstraintKind.FixedCombinations => $"fixed: {string.Join(", ", ColumnNames)}",
        _ => $"unique: {ColumnNames[0]}",
    };

    /// <inheritdoc/>
    public bool Equals(GanConstraint? other) =>
        other is not null && Kind == other.Kind && ColumnNames.SequenceEqual(other.ColumnNames) && Low.Equals(other.Low) && High.Equals(other.High);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GanConstraint);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, string.Join("\u001f", ColumnNames), Low, High);

    /// <summary>Recreates a constraint read back from a saved model.</summary>
    /// <exception cref="ArgumentException">The kind takes another number of columns, or a column or bound is invalid.</exception>
    internal static GanConstraint Create(GanConstraintKind kind, string[] columnNames, double low, double high)
    {
        var expected = kind switch { GanConstraintKind.Inequality => 2, GanConstraintKind.FixedCombinations => columnNames.Length, _ => 1 };
        if (columnNames.Length != expected)
            throw new ArgumentException($"A {kind} constraint names {expected} column{(expected == 1 ? "" : "s")}; this one names {columnNames.Length}.", nameof(columnNames));
        return kind switch
        {
            GanConstraintKind.Inequality => Inequality(columnNames[0], columnNames[1]),
            GanConstraintKind.ScalarRange => ScalarRange(columnNames[0], low, high),
            GanConstraintKind.FixedCombinations => FixedCombinations(columnNames),
            _ => Unique(columnNames[0]),
        };
    }

    private static string Name(string? name, string parameter) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A constraint names an empty column.", parameter) : name;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

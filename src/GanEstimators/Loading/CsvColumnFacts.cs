using System.Globalization;

namespace GanEstimators.Loading;

/// <summary>
/// What one CSV column's values are, gathered value by value: integers, numbers, ISO dates, true/false, or text;
/// empty fields are missing values. Its <see cref="Kind"/>: all values integers → Integer (Number when some are
/// empty, so they can be missing), all numbers → Number, all ISO dates → Date, all true/false → Boolean, anything
/// else → Text; a column read as text by request, or with no values at all, is Text.
/// </summary>
internal sealed class CsvColumnFacts
{
    private static readonly NumberStyles IntegerStyle = NumberStyles.Integer;

    private bool _integer = true, _number = true, _date = true, _boolean = true, _seenValue;
    private int _fewestDecimals = int.MaxValue;

    public CsvColumnFacts(string name, int index, bool readAsText, bool countDistinct)
    {
        Name = name;
        Index = index;
        ReadAsText = readAsText;
        if (!countDistinct) Distinct.Stop();
    }

    public string Name { get; }

    public int Index { get; }

    /// <summary>Named by the user as a category (or condition): read as text whatever the values.</summary>
    public bool ReadAsText { get; }

    public long Missing { get; private set; }

    public int Decimals { get; private set; }

    public string? DateFormat { get; private set; }

    public long? Minimum { get; private set; }

    public long? Maximum { get; private set; }

    /// <summary>
    /// The distinct values of a column that may be an ID or have few levels: counting stops at the first date or
    /// fractional number, so a long column of measurements or dates costs no memory.
    /// </summary>
    public DistinctValues<string> Distinct { get; } = new();

    public GanColumnKind Kind =>
        ReadAsText || !_seenValue ? GanColumnKind.Text
        : _date ? GanColumnKind.Date
        : _number ? (_integer && Missing == 0 ? GanColumnKind.WholeNumber : GanColumnKind.Number)
        : _boolean ? GanColumnKind.Boolean
        : GanColumnKind.Text;

    /// <summary>Every number was written with exactly <see cref="Decimals"/> decimals, at least one.</summary>
    public bool FixedDecimals => Kind == GanColumnKind.Number && Decimals > 0 && _fewestDecimals == Decimals;

    public bool HasValues => _seenValue;

    public void Add(string value)
    {
        if (value.Length == 0) { Missing++; return; }
        _seenValue = true;
        Distinct.Add(value);
        if (_boolean && !bool.TryParse(value, out _)) _boolean = false;
        if (_date)
        {
            var format = IsoDates.FormatOf(value);
            if (format is null) _date = false;
            else if (DateFormat is null || format.Length > DateFormat.Length) DateFormat = format;
            if (format is not null) Distinct.Stop();
        }
        if (!_number) return;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) { _number = _integer = false; return; }
        if (_integer && long.TryParse(value, IntegerStyle, CultureInfo.InvariantCulture, out var whole))
        {
            Minimum = Math.Min(Minimum ?? whole, whole);
            Maximum = Math.Max(Maximum ?? whole, whole);
        }
        else
        {
            _integer = false;
            Distinct.Stop();
        }
        var places = DecimalPlaces(value);
        Decimals = Math.Max(Decimals, places);
        _fewestDecimals = Math.Min(_fewestDecimals, places);
    }

    /// <summary>The most decimals a column keeps: Math.Round takes at most 15, and a Single carries about 9 significant digits anyway.</summary>
    public const int MaximumDecimals = 15;

    // The decimals a number's text shows, its exponent counted: "1.5e-07" has 8, "2E3" none. A number's text has
    // at most one exponent, and double.TryParse accepted it, so the exponent is a plain integer.
    private static int DecimalPlaces(string value)
    {
        var exponentAt = value.AsSpan().IndexOfAny('e', 'E');
        var mantissa = exponentAt >= 0 ? value.AsSpan(0, exponentAt) : value.AsSpan();
        var dot = mantissa.IndexOf('.');
        long places = dot >= 0 ? mantissa.Length - dot - 1 : 0;
        if (exponentAt >= 0 && long.TryParse(value.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            places -= exponent;
        return (int)Math.Clamp(places, 0, MaximumDecimals);
    }
}

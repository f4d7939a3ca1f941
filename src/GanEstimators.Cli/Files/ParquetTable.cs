using GanEstimators.Loading;
using GanEstimators.Cli.Csv;
using GanEstimators.Constraints;
using GanEstimators.Parquet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Cli.Files;

/// <summary>
/// Training data from Parquet for <c>ganest train</c>: the file (or directory of parts) as the library reads it, with
/// its column types, and the same columns described as <see cref="CsvColumn"/>s for the model's column list, so
/// <c>ganest sample</c> can write either format.
/// </summary>
public static class ParquetTable
{
    // Parquet numbers carry no written precision: CSV output of a Parquet-trained model keeps this many significant
    // digits of the column's smallest non-zero magnitude (at least this many decimals, at most the CSV format's 15).
    private const int SignificantDigits = 6;
    private const int MaximumDecimals = CsvColumnFacts.MaximumDecimals;

    public static IDataView Load(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} must name a Parquet file or a directory of parts; got an empty path.");
        try
        {
            return new MLContext().Data.LoadFromParquet(path);
        }
        catch (FileNotFoundException error)
        {
            throw new FileNotFoundException($"{option} '{path}': {error.Message}", path, error);
        }
        catch (Exception error) when (error is InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{option} '{path}': {error.Message}", error);
        }
    }

    /// <summary>
    /// The columns as ganest records them; dates get a date-only format when every value is at midnight, and
    /// floating-point columns enough decimals for their smallest values (0.0000003 is not written as 0).
    /// </summary>
    public static CsvSchema Describe(IDataView data)
    {
        var (midnightOnly, smallest) = Scan(data);
        var columns = data.Schema.Where(c => !c.IsHidden).Select((c, i) => c.Type switch
        {
            DateTimeDataViewType => new CsvColumn(c.Name, i, CsvColumnKind.Date, 0, midnightOnly[c.Name] ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss"),
            NumberDataViewType t when t == NumberDataViewType.Single || t == NumberDataViewType.Double => new CsvColumn(c.Name, i, CsvColumnKind.Number, Decimals(smallest[c.Name])),
            NumberDataViewType => new CsvColumn(c.Name, i, CsvColumnKind.Integer, 0),
            _ => new CsvColumn(c.Name, i, CsvColumnKind.Text, 0),
        }).ToArray();
        return new CsvSchema(columns, data.GetRowCount() ?? 0, ',');
    }

    /// <summary>The columns <c>--discrete</c> names that the trainer must be told are categorical (integers; text and booleans are already).</summary>
    public static string[] CategoricalIntegers(IDataView data, IEnumerable<string> discrete) =>
        discrete.Where(name => data.Schema.GetColumnOrNull(name)?.Type is NumberDataViewType).ToArray();

    /// <summary>
    /// The <paramref name="columns"/> of a Parquet table as <c>ganest evaluate</c> compares them, like a CSV read by
    /// <c>CsvLoading.ComparisonLoader</c>: numbers as Double (as text when <paramref name="columns"/> says Text: a
    /// class label of whole numbers), booleans as text, dates and text as they are.
    /// </summary>
    public static IDataView ForComparison(IDataView data, IEnumerable<CsvColumn> columns, string option, string path)
    {
        var ml = new MLContext();
        var names = columns.Select(c => c.Name).ToArray();
        foreach (var name in names.Where(n => data.Schema.GetColumnOrNull(n) is null))
            throw new ArgumentException($"Column '{name}' of the real data is not in {option} '{path}'.");
        var converted = ml.Transforms.SelectColumns(names).Fit(data).Transform(data);
        foreach (var name in names)
        {
            var asText = columns.First(c => c.Name == name).Kind == CsvColumnKind.Text;
            DataKind? kind = converted.Schema[name].Type switch
            {
                BooleanDataViewType => DataKind.String,
                NumberDataViewType when asText => DataKind.String,
                NumberDataViewType t when t != NumberDataViewType.Double => DataKind.Double,
                _ => null,
            };
            if (kind is { } k) converted = ml.Transforms.Conversion.ConvertType(name, outputKind: k).Fit(converted).Transform(converted);
        }
        return converted;
    }

    /// <summary>The model's <paramref name="columns"/> of a Parquet table, for augmenting it with a model's rows.</summary>
    public static IDataView Select(IDataView data, IEnumerable<CsvColumn> columns) =>
        new MLContext().Transforms.SelectColumns(columns.Select(c => c.Name).ToArray()).Fit(data).Transform(data);

    private static int Decimals(double smallestMagnitude) =>
        smallestMagnitude is 0 or double.PositiveInfinity
            ? SignificantDigits
            : Math.Clamp(SignificantDigits - 1 - (int)Math.Floor(Math.Log10(smallestMagnitude)), SignificantDigits, MaximumDecimals);

    /// <summary>One pass over the dates (all at midnight?) and the floating-point columns (smallest non-zero magnitude).</summary>
    private static (Dictionary<string, bool> MidnightOnly, Dictionary<string, double> Smallest) Scan(IDataView data)
    {
        var visible = data.Schema.Where(c => !c.IsHidden).ToArray();
        var dates = visible.Where(c => c.Type is DateTimeDataViewType).ToArray();
        var numbers = visible.Where(c => c.Type == NumberDataViewType.Single || c.Type == NumberDataViewType.Double).ToArray();
        var midnight = dates.ToDictionary(c => c.Name, _ => true);
        var smallest = numbers.ToDictionary(c => c.Name, _ => double.PositiveInfinity);
        if (dates.Length + numbers.Length == 0) return (midnight, smallest);
        using var cursor = data.GetRowCursor(dates.Concat(numbers));
        var dateGetters = dates.Select(c => cursor.GetGetter<DateTime>(c)).ToArray();
        var numberGetters = numbers.Select(c => NumberValues.Reader(cursor, c)).ToArray();
        var date = default(DateTime);
        while (cursor.MoveNext())
        {
            for (var i = 0; i < dates.Length; i++)
            {
                dateGetters[i](ref date);
                if (date.TimeOfDay != TimeSpan.Zero) midnight[dates[i].Name] = false;
            }
            for (var i = 0; i < numbers.Length; i++)
            {
                var magnitude = Math.Abs(numberGetters[i]());
                if (magnitude > 0 && magnitude < smallest[numbers[i].Name]) smallest[numbers[i].Name] = magnitude;   // NaN compares false
            }
        }
        return (midnight, smallest);
    }
}

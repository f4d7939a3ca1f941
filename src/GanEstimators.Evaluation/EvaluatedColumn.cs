namespace GanEstimators.Evaluation;

/// <summary>One column held in memory: numbers (NaN = missing) or category texts (null = missing).</summary>
internal sealed class EvaluatedColumn
{
    private readonly double[]? _numbers;
    private readonly string?[]? _categories;

    private EvaluatedColumn(string name, double[]? numbers, string?[]? categories)
    {
        Name = name;
        _numbers = numbers;
        _categories = categories;
    }

    public static EvaluatedColumn Numeric(string name, double[] values) => new(name, values, null);

    public static EvaluatedColumn Categorical(string name, string?[] values) => new(name, null, values);

    public string Name { get; }

    public TabularColumnKind Kind => _numbers is null ? TabularColumnKind.Categorical : TabularColumnKind.Numeric;

    public int Length => _numbers?.Length ?? _categories!.Length;

    public double[] Numbers => _numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical.");

    public string?[] Categories => _categories ?? throw new InvalidOperationException($"Column '{Name}' is numeric.");

    public bool IsMissing(int row) => _numbers is null ? _categories![row] is null : double.IsNaN(_numbers[row]);

    public double[] PresentNumbers() => Numbers.Where(v => !double.IsNaN(v)).ToArray();

    public string[] PresentCategories() => Categories.Where(v => v is not null).ToArray()!;

    public EvaluatedColumn Rows(IReadOnlyList<int> rows) => _numbers is null
        ? Categorical(Name, rows.Select(r => _categories![r]).ToArray())
        : Numeric(Name, rows.Select(r => _numbers[r]).ToArray());
}

/// <summary>The compared columns of one table, in the same order for every table.</summary>
internal sealed record EvaluatedTable(IReadOnlyList<EvaluatedColumn> Columns, int RowCount)
{
    public EvaluatedColumn this[string name] => Columns.Single(c => c.Name == name);

    public EvaluatedTable Rows(IReadOnlyList<int> rows) => new(Columns.Select(c => c.Rows(rows)).ToArray(), rows.Count);
}

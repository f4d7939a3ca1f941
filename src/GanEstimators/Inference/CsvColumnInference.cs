using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanEstimators.Inference;

/// <summary>Column inference for a CSV file: one pass with <see cref="CsvTableScan"/>, then a TextLoader for the decided types.</summary>
internal static class CsvColumnInference
{
    private const string Label = "CSV file";

    public static GanColumnInferenceResults Infer(IHostEnvironment environment, string path, GanColumnInferenceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path)) throw new ArgumentException($"{Label} '{path}' is a directory; a CSV file with a header row is expected.", nameof(path));
        if (!File.Exists(path)) throw new FileNotFoundException($"{Label} '{path}' does not exist; a CSV file with a header row is expected.", path);
        var separator = options.Separator is { } given ? CsvSeparator.Check(given, nameof(options.Separator)) : (char?)null;
        var readAsText = options.CategoricalColumnNames.Append(options.ConditionColumnName).OfType<string>().ToHashSet();

        var scan = CsvTableScan.Read(path, Label, separator, readAsText, countDistinct: true);
        ColumnInference.CheckNamedColumns(options, scan.Columns.Select(c => c.Name).ToArray(), $"the header of '{path}'");
        var columns = scan.Columns.Select(facts => ColumnDecision.Decide(Evidence(facts, scan.Rows), options)).ToArray();

        var loaderOptions = CsvTableScan.LoaderOptions(scan.Columns.Select(c => (c.Name, CsvTableScan.DataKindOf(c.Kind), c.Index)), scan.Separator);
        var loader = new TextLoader(environment, loaderOptions);
        return ColumnInference.Results(environment, $"'{path}' ({CsvSeparator.Name(scan.Separator)}-separated)", columns, loader.Load(new MultiFileSource(path)), scan.Rows, loader, loaderOptions);
    }

    private static ColumnEvidence Evidence(CsvColumnFacts facts, long rows)
    {
        var kind = facts.Kind;
        var numeric = kind is GanColumnKind.WholeNumber or GanColumnKind.Number;
        return new ColumnEvidence(facts.Name, facts.Index, kind, TypeOf(kind), rows, facts.Missing, facts.Distinct.Count, facts.Distinct.AllDifferent, facts.Minimum, facts.Maximum)
        {
            Decimals = numeric ? facts.Decimals : 0,
            FixedDecimals = facts.FixedDecimals,
            DateFormat = kind == GanColumnKind.Date ? facts.DateFormat : null,
        };
    }

    private static DataViewType TypeOf(GanColumnKind kind) => CsvTableScan.DataKindOf(kind) switch
    {
        DataKind.Int64 => NumberDataViewType.Int64,
        DataKind.Single => NumberDataViewType.Single,
        DataKind.DateTime => DateTimeDataViewType.Instance,
        _ => TextDataViewType.Instance,
    };
}

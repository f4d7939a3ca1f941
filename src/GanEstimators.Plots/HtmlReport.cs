using System.Globalization;
using System.Net;
using System.Text;
using GanEstimators.Evaluation;

namespace GanEstimators.Plots;

/// <summary>The report page: the summary metrics, the per-column and per-pair scores, and every plot by relative path. One file, no scripts or external styles.</summary>
internal static class HtmlReport
{
    public static string Render(string title, TabularFidelityMetrics metrics, IReadOnlyDictionary<string, string> columnFiles,
        string? pairFile, string? lossFile, string? labelColumn, bool hasTestData)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
            .Append("img{max-width:100%;border:1px solid #eee;margin:0.5em 0}.worst{background:#fff3cd}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Text(title)).Append("</h1>\n");

        html.Append("<h2>Summary</h2>\n<table>\n<tr><th>Metric</th><th>Value</th><th>Meaning</th></tr>\n");
        Row(html, "Rows (real / synthetic)", Invariant($"{metrics.RealRows} / {metrics.SyntheticRows}"), "");
        Row(html, "Column shapes", Number(metrics.ColumnShapes), $"mean per-column score, 1 = every distribution matches; worst: {metrics.WorstColumn}");
        Row(html, "Pair trends", Number(metrics.PairTrends), "1 = correlations and joint frequencies match");
        Row(html, "Detection AUC", Number(metrics.DetectionAuc), "0.5 = a classifier cannot tell synthetic rows from real ones");
        if (metrics.TrainOnRealTestOnReal is { } real && metrics.TrainOnSyntheticTestOnReal is { } synthetic)
        {
            Row(html, "Train real, test real", $"{Number(real.Accuracy)} / {Number(real.MacroF1)}", "accuracy / macro F1 on held-out real rows");
            Row(html, "Train synthetic, test real", $"{Number(synthetic.Accuracy)} / {Number(synthetic.MacroF1)}", "accuracy / macro F1 on the same rows");
        }
        html.Append("</table>\n");
        if (labelColumn is not null && !hasTestData)
            html.Append("<p>Train-on-synthetic/test-on-real needs held-out real rows (TestData); the plots are drawn per ")
                .Append(Text(labelColumn)).Append(" class.</p>\n");

        if (lossFile is not null) html.Append("<h2>Training</h2>\n").Append(Image(lossFile, "loss curves"));

        html.Append("<h2>Columns</h2>\n<table>\n<tr><th>Column</th><th>Kind</th><th>Score</th><th>Compared by</th></tr>\n");
        foreach (var column in metrics.ColumnScores)
        {
            var link = columnFiles.TryGetValue(column.Name, out var file) ? $"<a href=\"#{Anchor(file)}\">{Text(column.Name)}</a>" : Text(column.Name);
            html.Append(column.Name == metrics.WorstColumn ? "<tr class=\"worst\">" : "<tr>")
                .Append("<td>").Append(link).Append("</td><td>").Append(column.Kind)
                .Append("</td><td class=\"n\">").Append(Number(column.Score)).Append("</td><td>")
                .Append(column.Kind == TabularColumnKind.Numeric ? "1 − Kolmogorov–Smirnov" : "1 − total variation").Append("</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var (column, file) in columnFiles)
            html.Append("<h3 id=\"").Append(Anchor(file)).Append("\">").Append(Text(column)).Append("</h3>\n").Append(Image(file, column));

        if (metrics.PairScores.Count > 0)
        {
            html.Append("<h2>Pair trends</h2>\n");
            if (pairFile is not null) html.Append(Image(pairFile, "pair trends"));
            html.Append("<table>\n<tr><th>Columns</th><th>Kind</th><th>Real correlation</th><th>Synthetic correlation</th><th>Score</th></tr>\n");
            foreach (var pair in metrics.PairScores)
                html.Append("<tr><td>").Append(Text(pair.FirstColumn)).Append(" × ").Append(Text(pair.SecondColumn))
                    .Append("</td><td>").Append(pair.Kind)
                    .Append("</td><td class=\"n\">").Append(Number(pair.RealCorrelation))
                    .Append("</td><td class=\"n\">").Append(Number(pair.SyntheticCorrelation))
                    .Append("</td><td class=\"n\">").Append(Number(pair.Score)).Append("</td></tr>\n");
            html.Append("</table>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Row(StringBuilder html, string metric, string value, string meaning) =>
        html.Append("<tr><td>").Append(Text(metric)).Append("</td><td class=\"n\">").Append(Text(value)).Append("</td><td>").Append(Text(meaning)).Append("</td></tr>\n");

    private static string Image(string file, string alt) =>
        $"<p><img src=\"{Uri.EscapeDataString(file)}\" alt=\"{Text(alt)}\"></p>\n";

    private static string Anchor(string file) => Text(Path.GetFileNameWithoutExtension(file));

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

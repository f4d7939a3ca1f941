using System.Security.Cryptography;
using System.Text;
using GanEstimators.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Benchmarks;

/// <summary>
/// Behaviour fingerprint for refactoring (issue 18): a handful of small seeded trainings through the public API —
/// every loss, conditional and exact-condition sampling, early stopping, generator averaging, resume, save/load,
/// Transform, augmentation and a conditional DCGAN — each reduced to one SHA-256 of its metrics and sampled values (and one of each alone).
/// Seeded results are bit-identical on one machine with one library version only, so compare a fingerprint with one
/// taken on the same machine (e.g. before and after a change), never with figures from elsewhere.
/// </summary>
internal static class Fingerprint
{
    private sealed class Penguin
    {
        [LoadColumn(0)] public string Species { get; set; } = "";
        [LoadColumn(1)] public string Island { get; set; } = "";
        [LoadColumn(2)] public float BillLength { get; set; }
        [LoadColumn(3)] public float BillDepth { get; set; }
        [LoadColumn(4)] public float FlipperLength { get; set; }
        [LoadColumn(5)] public float BodyMass { get; set; }
        [LoadColumn(6)] public string Sex { get; set; } = "";
    }

    private sealed class Weather
    {
        [LoadColumn(0)] public DateTime Date { get; set; }
        [LoadColumn(1)] public float Precipitation { get; set; }
        [LoadColumn(2)] public float TempMax { get; set; }
        [LoadColumn(3)] public float TempMin { get; set; }
        [LoadColumn(4)] public float Wind { get; set; }
        [LoadColumn(5)] public string Kind { get; set; } = "";
    }

    private static readonly string[] PenguinFeatures = { "Island", "BillLength", "BillDepth", "FlipperLength", "BodyMass", "Sex" };

    public static void Run(string dataDirectory)
    {
        TorchSharp.torch.set_num_threads(1);
        // Each case gets its own context, so a case's hash does not depend on the cases before it.
        var penguinsPath = Path.Combine(dataDirectory, "splits", "penguins.train.csv");
        var weatherPath = Path.Combine(dataDirectory, "seattle-weather.csv");
        IDataView Penguins(MLContext ml) => ml.Data.LoadFromTextFile<Penguin>(penguinsPath, separatorChar: ',', hasHeader: true);
        IDataView Weather(MLContext ml) => ml.Data.LoadFromTextFile<Weather>(weatherPath, separatorChar: ',', hasHeader: true);

        foreach (var loss in Enum.GetValues<GanLoss>())
            Report($"penguins {loss}", ml =>
            {
                using var sampler = Train(ml, Penguins(ml), Small(loss, epochs: 2));
                return Describe(sampler, sampler.Sample(300, seed: 5), sampler.Sample(100, "Gentoo", seed: 6));
            });

        Report("penguins exact conditions, early stopping, averaging, save/load, transform", ml =>
        {
            var penguins = Penguins(ml);
            var options = Small(GanLoss.NonSaturating, epochs: 4);
            options.EarlyStopping = new GanEarlyStopping { EvaluateEveryEpochs = 1, Patience = 2 };
            options.GeneratorAverageDecay = 0.9;
            options.PacSize = 2;
            using var sampler = Train(ml, penguins, options);
            var exact = sampler.Sample(120, new Dictionary<string, string> { ["Island"] = "Biscoe", ["Sex"] = "MALE" }, seed: 7);
            using var stream = new MemoryStream();
            ml.Model.Save(sampler, penguins.Schema, stream);
            stream.Position = 0;
            var loaded = (GanSampler)ml.Model.Load(stream, out _);
            var transformed = loaded.Transform(ml.Data.TakeRows(penguins, 50));
            return Describe(sampler, exact, loaded.Sample(200, seed: 8), transformed);
        });

        Report("penguins standardization, residual, balanced off", ml =>
        {
            var penguins = Penguins(ml);
            var options = Small(GanLoss.LeastSquares, epochs: 2);
            options.NumericEncoding = GanNumericEncoding.Standardization;
            options.Architecture = GanArchitecture.Residual;
            options.BalanceConditionClasses = false;
            using var sampler = Train(ml, penguins, options);
            return Describe(sampler, sampler.Sample(300, seed: 4));
        });

        Report("weather WGAN-GP, resume, augmentation", ml =>
        {
            var weather = Weather(ml);
            var options = new GanTrainer.Options
            {
                FeatureColumnNames = new[] { "Date", "Precipitation", "TempMax", "TempMin", "Wind" },
                ConditionColumnName = "Kind",
                Epochs = 2,
                BatchSize = 100,
                Mlp =
                {
                    GeneratorHiddenSizes = new[] { 32, 32 },
                    DiscriminatorHiddenSizes = new[] { 32, 32 },
                },
                NoiseDimension = 16,
                Seed = 11,
            };
            using var first = Train(ml, weather, options);
            options.Epochs = 1;
            using var resumed = ml.Gan().Trainer(options).Fit(weather, first);
            var augmented = ml.Gan().Augment(weather, resumed, new GanAugmentationOptions { BalanceColumnName = "Kind", ChunkSize = 64 });
            return Describe(resumed, resumed.Sample(300, "rain", seed: 9), augmented);
        });

        Report("digits conditional DCGAN", ml =>
        {
            var digits = Digits(ml, Path.Combine(dataDirectory, "digits-8x8.csv"), rows: 400);
            using var sampler = Train(ml, digits, new GanTrainer.Options
            {
                FeatureColumnNames = new[] { "Pixels" },
                ConditionColumnName = "Digit",
                Image = { Shape = new GanImageShape(1, 8, 8), BaseChannels = 8 },
                Loss = GanLoss.NonSaturating,
                Epochs = 2,
                BatchSize = 50,
                NoiseDimension = 16,
                Seed = 13,
            });
            return Describe(sampler, sampler.Sample(40, "3", seed: 10));
        });
    }

    private static GanTrainer.Options Small(GanLoss loss, int epochs) => new()
    {
        FeatureColumnNames = PenguinFeatures,
        ConditionColumnName = "Species",
        Loss = loss,
        Epochs = epochs,
        BatchSize = 60,
        Mlp =
        {
            GeneratorHiddenSizes = new[] { 32, 32 },
            DiscriminatorHiddenSizes = new[] { 32, 32 },
        },
        NoiseDimension = 16,
        Seed = 7,
    };

    private static GanSampler Train(MLContext ml, IDataView data, GanTrainer.Options options) => ml.Gan().Trainer(options).Fit(data);

    private static void Report(string name, Func<MLContext, string> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string result;
        try { result = run(new MLContext(seed: 3)); }
        catch (Exception e) { result = "error " + e.GetType().Name + ": " + e.Message + (Environment.GetEnvironmentVariable("FINGERPRINT_STACKS") is null ? "" : "\n" + e.StackTrace); }
        Console.WriteLine($"{name,-80} {result}  ({clock.Elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>
    /// Three hashes: one over the training history's metrics (not its timings) and every value of the given views
    /// together (the fingerprint's original single hash), then the sampled values alone and the history alone. A
    /// change of summation order in the epoch metrics moves only the history's hash; anything that changes training
    /// moves the values' hash too.
    /// </summary>
    private static string Describe(GanSampler sampler, params IDataView[] views)
    {
        var history = new StringBuilder();
        foreach (var epoch in sampler.History.Epochs)
            history.Append(FormattableString.Invariant($"{epoch.Epoch} {epoch.DiscriminatorLoss:R} {epoch.GeneratorLoss:R} {epoch.MeanRealScore:R} {epoch.MeanFakeScore:R} {epoch.GeneratorGradientNorm:R} {epoch.CollapseRatio:R} {epoch.HeldOutEnergyDistance:R}\n"));
        history.Append($"selected {sampler.History.SelectedEpoch} stopped {sampler.History.StoppedEarly} diagnoses {sampler.History.Diagnoses.Count}\n");
        var values = new StringBuilder();
        foreach (var view in views) AppendValues(view, values);
        return $"{Hash(history.ToString() + values)} values {Hash(values.ToString())} history {Hash(history.ToString())}";
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>One hash over every value of a view, as the fingerprint's hashes take them.</summary>
    public static string HashOf(IDataView view)
    {
        var text = new StringBuilder();
        AppendValues(view, text);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void AppendValues(IDataView view, StringBuilder text)
    {
        var columns = view.Schema.Where(c => !c.IsHidden).ToArray();
        text.Append(string.Join(",", columns.Select(c => $"{c.Name}:{c.Type}"))).Append('\n');
        using var cursor = view.GetRowCursor(columns);
        var getters = columns.Select(c => Getter(cursor, c)).ToArray();
        while (cursor.MoveNext())
        {
            foreach (var get in getters) text.Append(get()).Append('|');
            text.Append('\n');
        }
    }

    private static Func<string> Getter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var type = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        if (column.Type is VectorDataViewType)
        {
            var get = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> value = default;
            return () => { get(ref value); return string.Join(" ", value.DenseValues().Select(v => v.ToString("R"))); };
        }
        return type.RawType switch
        {
            var t when t == typeof(float) => Of<float>(cursor, column, v => v.ToString("R")),
            var t when t == typeof(double) => Of<double>(cursor, column, v => v.ToString("R")),
            var t when t == typeof(uint) => Of<uint>(cursor, column, v => v.ToString()),
            var t when t == typeof(bool) => Of<bool>(cursor, column, v => v.ToString()),
            var t when t == typeof(DateTime) => Of<DateTime>(cursor, column, v => v.Ticks.ToString()),
            var t when t == typeof(ReadOnlyMemory<char>) => Of<ReadOnlyMemory<char>>(cursor, column, v => v.ToString()),
            _ => () => "?",
        };
    }

    private static Func<string> Of<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, string> format)
    {
        var get = cursor.GetGetter<T>(column);
        T value = default!;
        return () => { get(ref value); return format(value); };
    }

    private static IDataView Digits(MLContext ml, string path, int rows)
    {
        var lines = File.ReadLines(path).Skip(1).Take(rows).Select(l => l.Split(',')).ToArray();
        var items = lines.Select(f => new DigitRow
        {
            Pixels = f.Take(64).Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Digit = ((int)float.Parse(f[64], System.Globalization.CultureInfo.InvariantCulture)).ToString(),
        });
        return ml.Data.LoadFromEnumerable(items.ToArray());
    }

    private sealed class DigitRow
    {
        [VectorType(64)] public float[] Pixels { get; set; } = Array.Empty<float>();
        public string Digit { get; set; } = "";
    }
}

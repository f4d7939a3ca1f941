using System.Globalization;
using GanEstimators.Evaluation.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.AugmentationEvaluation;

/// <summary>data/splits/penguins.train.csv (275 rows: 122 Adelie, 54 Chinstrap, 99 Gentoo) with a unique Id per row.</summary>
public sealed class Penguin
{
    public string Id { get; set; } = "";
    public string Species { get; set; } = "";
    public string Island { get; set; } = "";
    public float BillLength { get; set; }
    public float BillDepth { get; set; }
    public float FlipperLength { get; set; }
    public float BodyMass { get; set; }

    public static readonly string[] Numeric = { nameof(BillLength), nameof(BillDepth), nameof(FlipperLength), nameof(BodyMass) };

    public static Penguin[] Read()
    {
        var path = Path.Combine(RepositoryRoot(), "data", "splits", "penguins.train.csv");
        return File.ReadLines(path).Skip(1).Select((line, i) =>
        {
            var f = line.Split(',');
            return new Penguin
            {
                Id = $"p{i}", Species = f[0], Island = f[1],
                BillLength = Number(f[2]), BillDepth = Number(f[3]), FlipperLength = Number(f[4]), BodyMass = Number(f[5]),
            };
        }).ToArray();
    }

    public float[] Values() => new[] { BillLength, BillDepth, FlipperLength, BodyMass };

    /// <summary>Options for a quick evaluation: 3 folds, a GAN of a few epochs on one thread, the species as label.</summary>
    public static AugmentationEvaluationOptions QuickOptions(int epochs, params double[] ratios) => new()
    {
        LabelColumnName = nameof(Species),
        NumberOfFolds = 3,
        Ratios = ratios,
        Seed = 7,
        GanOptions = new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Island) }.Concat(Numeric).ToArray(),
            Epochs = epochs,
            NumberOfThreads = 1,
        },
    };

    /// <summary>SDCA on the four measurements: species key in, predicted species key (with key values) out; rows weighted by <paramref name="exampleWeightColumnName"/> when given.</summary>
    public static IEstimator<ITransformer> Classifier(MLContext ml, string? exampleWeightColumnName = null) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(Species))
            .Append(ml.Transforms.Concatenate("Features", Numeric))
            .Append(ml.Transforms.ReplaceMissingValues("Features"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { ExampleWeightColumnName = exampleWeightColumnName, NumberOfThreads = 1 }));

    private static float Number(string text) => text.Length == 0 ? float.NaN : float.Parse(text, CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GanEstimators.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No GanEstimators.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// A downstream estimator that keeps a copy of every training set it is fitted on, then fits the real one; its models
/// count how many of them were disposed.
/// </summary>
public sealed class RecordingEstimator : IEstimator<ITransformer>
{
    private readonly MLContext _ml;
    private readonly IEstimator<ITransformer> _inner;

    public RecordingEstimator(MLContext ml, IEstimator<ITransformer> inner)
    {
        _ml = ml;
        _inner = inner;
    }

    public List<Penguin[]> TrainingSets { get; } = new();

    public int DisposedModels { get; private set; }

    public ITransformer Fit(IDataView input)
    {
        TrainingSets.Add(_ml.Data.CreateEnumerable<Penguin>(input, reuseRowObject: false).ToArray());
        return new DisposableModel(_inner.Fit(input), () => DisposedModels++);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);

    /// <summary>A fitted model as one holding native memory would be: disposable.</summary>
    private sealed class DisposableModel(ITransformer inner, Action disposed) : ITransformer, IDisposable
    {
        public bool IsRowToRowMapper => inner.IsRowToRowMapper;
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inner.GetOutputSchema(inputSchema);
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => inner.GetRowToRowMapper(inputSchema);
        public void Save(ModelSaveContext ctx) => inner.Save(ctx);
        public IDataView Transform(IDataView input) => inner.Transform(input);
        public void Dispose() => disposed();
    }
}

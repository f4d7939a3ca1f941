using GanEstimators;
using GanEstimators.Samples;
using ImagePipeline;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

TorchSharp.torch.set_num_threads(1);
var repoRoot = RepositoryRoot.Find();
var outputFolder = Path.Combine(repoRoot, "samples", "ImagePipeline", "output");
var inputFolder = Path.Combine(outputFolder, "input");

var digits = DigitPngFolder.Write(Path.Combine(repoRoot, "data", "digits-8x8.csv"), inputFolder);
Console.WriteLine($"Wrote {digits.Count} PNGs and images.tsv to {inputFolder}");

var ml = new MLContext(seed: 1);
var data = ml.Data.LoadFromTextFile<DigitImage>(Path.Combine(inputFolder, "images.tsv"), hasHeader: true);
var pipeline = ml.Transforms.LoadImages("Image", inputFolder, "Path")
    // LoadImages cannot know the size; ExtractPixels needs it, and resizing 8×8 to 8×8 only states it.
    .Append(ml.Transforms.ResizeImages("Image", DigitPngFolder.Side, DigitPngFolder.Side))
    // The PNGs are grey, so red = green = blue and one plane carries the digit: a 1×8×8 vector.
    .Append(ml.Transforms.ExtractPixels("Features", "Image", colorsToExtract: ImagePixelExtractingEstimator.ColorBits.Red))
    .Append(ml.Gan().Trainer(new GanTrainer.Options
    {
        FeatureColumnNames = new[] { "Features" },
        ConditionColumnName = "Label",
        Loss = GanLoss.Hinge,
        Image = { SpectralNormalization = true, BaseChannels = 16 },
        Epochs = 40,
        Seed = 1,
    }));

var model = pipeline.Fit(data);
var featureType = (VectorDataViewType)model.GetOutputSchema(data.Schema)["Features"].Type;
Console.WriteLine($"ExtractPixels gives a {string.Join("×", featureType.Dimensions)} vector; architecture chosen: {model.LastTransformer.Architecture}");

var modelPath = Path.Combine(outputFolder, "model.zip");
ml.Model.Save(model, data.Schema, modelPath);
var loaded = (TransformerChain<ITransformer>)ml.Model.Load(modelPath, out _);
using var sampler = (GanSampler)loaded.LastTransformer;
Console.WriteLine($"Saved and reloaded {modelPath}: {sampler.Architecture}, classes {string.Join(",", sampler.ConditionClasses)}");

var written = GeneratedPngs.Write(ml, sampler, Path.Combine(outputFolder, "generated"), perClass: 10, seed: 7);
Console.WriteLine($"Wrote {written.Count} generated PNGs, e.g.:");
foreach (var path in written.Where((_, i) => i % 10 == 0)) Console.WriteLine($"  {Path.GetRelativePath(repoRoot, path)}");

using GanEstimators.Samples;
using System.Diagnostics;
using System.Globalization;
using FashionGan;
using GanEstimators;
using GanEstimators.Evaluation.Images;
using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;

// Issue 4: a conditional DCGAN (condition = Label) on Fashion-MNIST — by default on the 6,000-image subset shipped in
// data/fashion-mnist-subset — judged by the cached domain classifier data/fashion-mnist-classifier.bin: conditional
// accuracy, and the Fréchet distance in that classifier's feature space (not Inception FID) next to its real floor.
var options = RunOptions.Parse(args, RunOptions.Defaults(epochs: Defaults.Epochs, seed: 1, loss: Defaults.Loss));
if (options is null) return;
if (options.MakeSubset)
{
    Console.WriteLine($"Writing the subset of {options.Data} to {options.SubsetFolder}");
    SubsetWriter.Write(options.Data, options.SubsetFolder);
    return;
}
Directory.CreateDirectory(options.Output);

// One libtorch thread on the CPU unless --threads says otherwise: the sample's timings were measured that way on 2 shared
// cores, where more threads only contend.
if (options.GpuDeviceId is null) TorchSharp.torch.set_num_threads(options.CpuThreads);
const int GridColumns = 10;
const int GeneratedPerClass = 1_000;
// Real training images for the floor (the first ones) and for --select-best (the last ones).
const int RealTrainingImages = 10_000;
var clock = Stopwatch.StartNew();
var ml = new MLContext(options.Seed) { GpuDeviceId = options.GpuDeviceId, FallbackToCpu = false };
var training = IdxImages.Load(ml, options.PathOf(FashionFiles.TrainImages), options.PathOf(FashionFiles.TrainLabels));
var test = IdxImages.Load(ml, options.PathOf(FashionFiles.TestImages), options.PathOf(FashionFiles.TestLabels));
var trainingCount = (int)training.GetColumn<string>(IdxImages.LabelColumnName).Count();
var testCount = (int)test.GetColumn<string>(IdxImages.LabelColumnName).Count();
var isSubset = Path.TrimEndingDirectorySeparator(options.Data) == Path.TrimEndingDirectorySeparator(options.SubsetFolder);
var dataName = Path.GetRelativePath(options.Root, options.Data);
var device = options.GpuDeviceId is { } gpu
    ? $"CUDA device {gpu} ({TorchSharp.torch.cuda.device_count()} visible)"
    : $"the CPU ({TorchSharp.torch.get_num_threads()} libtorch thread(s))";
string Describe(string epochs) => $"{Defaults.Describe(options, epochs)} on {trainingCount:N0} training images of {dataName}, on {device}";
var run = Describe($"{options.Epochs} epochs");
Console.WriteLine(run);

using var classifier = DomainImageClassifier.Load(Path.Combine(options.Root, "data", "fashion-mnist-classifier.bin"));
var realTrainingCount = Math.Min(trainingCount, RealTrainingImages);
var selection = options.SelectBest
    ? new CheckpointSelection(classifier, realTrainingCount < trainingCount ? ml.Data.SkipRows(training, trainingCount - realTrainingCount) : training, realTrainingCount,
        GeneratedPerClass * FashionFiles.ClassNames.Length, options.Seed + 1)
    : null;
// A resumed model continues with its discriminator and optimiser state; epochs are numbered on from its history.
GanSampler? sampler = options.ResumeFrom is { } resumePath ? (GanSampler)ml.Model.Load(resumePath, out _) : null;
var firstEpoch = sampler?.History.Epochs.Count ?? 0;
if (sampler is not null) Console.WriteLine($"Resuming {options.ResumeFrom} after its {firstEpoch} epochs");
var grids = new List<string>();
var done = 0;
while (done < options.Epochs)
{
    // Training in chunks that resume the previous sampler (exactly, optimisers included) lets the grid show progress.
    var chunk = Math.Min(options.GridEvery, options.Epochs - done);
    if (options.Minutes is { } minutes && done > 0)
    {
        var perEpoch = clock.Elapsed.TotalSeconds / done;
        chunk = Math.Min(chunk, (int)Math.Floor((minutes * 60 - clock.Elapsed.TotalSeconds) / perEpoch));
        if (chunk < 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopping after {done} epochs: another would end after the {minutes} minutes given."));
            break;
        }
    }
    var trainer = ml.Gan().Trainer(Defaults.TrainerOptions(options, chunk, firstEpoch + options.Epochs, clock));
    var next = trainer.Fit(training, resumeFrom: sampler);
    if (sampler is not null && !ReferenceEquals(sampler, selection?.Best)) sampler.Dispose();
    sampler = next;
    done += chunk;
    if (selection is not null)
    {
        selection.Offer(sampler, firstEpoch + done);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  after epoch {firstEpoch + done}: domain Fréchet distance to {selection.SliceCount:N0} training images {selection.Scores[^1].Distance:F3} (best so far: epoch {selection.BestEpoch})"));
    }
    var grid = Path.Combine(options.Output, string.Create(CultureInfo.InvariantCulture, $"samples-epoch-{firstEpoch + done:D3}.png"));
    SampleGrid.Save(sampler, GridColumns, options.Seed, grid);
    grids.Add(grid);
}
using var last = sampler!;
using var selected = selection?.Best is { } best && !ReferenceEquals(best, last) ? best : null;
var trained = selected ?? last;
var trainingSeconds = clock.Elapsed.TotalSeconds;
if (done < options.Epochs) run = Describe(string.Create(CultureInfo.InvariantCulture, $"{done} of {options.Epochs} epochs (--minutes {options.Minutes})"));
if (selection is not null)
    run += string.Create(CultureInfo.InvariantCulture,
        $"; judged: epoch {selection.BestEpoch}, the lowest domain Fréchet distance to {selection.SliceCount:N0} training images among epochs {string.Join(", ", selection.Scores.Select(s => $"{s.Epoch} ({s.Distance:F2})"))}");
if (firstEpoch > 0) run += $"; resumed from {Path.GetFileName(options.ResumeFrom)} after its {firstEpoch} epochs";
AtomicFile.Write(Path.Combine(options.Output, "model.zip"), temporary => ml.Model.Save(last, training.Schema, temporary));
LossPlot.Save(last.History, options.Loss, Path.Combine(options.Output, "loss-curves.png"));
AtomicFile.WriteAllText(Path.Combine(options.Output, "history.csv"), last.History.ToCsv());

var evaluationSeed = options.Seed;
var floorTraining = ml.Data.TakeRows(training, RealTrainingImages);
var metrics = ImageGenerationMetrics.Evaluate(classifier, trained, test, new ImageGenerationEvaluationOptions
{
    GeneratedCount = GeneratedPerClass * trained.ConditionClasses.Count,
    Seed = evaluationSeed,
    RealTrainingData = floorTraining,
});
GeneratedCsv.Write(trained, GeneratedPerClass, evaluationSeed, Path.Combine(options.Output, "generated.csv"));
var realTestSet = isSubset
    ? $"the subset's {testCount:N0} real test images (not the full 10,000: the distance is biased upwards for small sets, so compare it only with the floor beside it)"
    : $"{testCount:N0} real test images";
var report = new MetricsReport(run, realTestSet, $"{realTrainingCount:N0} real training vs the same {testCount:N0} real test images", trainingSeconds, metrics);
AtomicFile.WriteAllText(Path.Combine(options.Output, "metrics.txt"), report.ToText());
AtomicFile.WriteAllText(Path.Combine(options.Output, "metrics.json"), report.ToJson());

Console.WriteLine();
Console.Write(report.ToText());
foreach (var diagnosis in trained.History.Diagnoses) Console.WriteLine($"Training doctor: {diagnosis}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total {clock.Elapsed.TotalSeconds:F0} s. Wrote to {options.Output}:"));
Console.WriteLine($"  {string.Join(", ", grids.Select(Path.GetFileName))} (rows = classes {string.Join(", ", FashionFiles.ClassNames)})");
Console.WriteLine("  loss-curves.png, history.csv, metrics.txt, metrics.json, generated.csv (label, then 784 pixels 0..255; the judged images),");
Console.WriteLine("  model.zip (the last epoch's sampler with its training state: --resume continues it)");

namespace GanEstimators.Samples;

/// <summary>The four IDX files of a Fashion-MNIST folder (full set or the shipped subset) and the class names of its labels.</summary>
internal static class FashionFiles
{
    public const string TrainImages = "train-images-idx3-ubyte.gz";
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";
    public const string TestImages = "t10k-images-idx3-ubyte.gz";
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    public static readonly string[] All = { TrainImages, TrainLabels, TestImages, TestLabels };

    /// <summary>Label "k" is ClassNames[k] (Zalando Research's order).</summary>
    public static readonly string[] ClassNames =
        { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" };

    public static string[] Missing(string folder) => All.Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
}

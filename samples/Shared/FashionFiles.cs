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

    /// <summary>Why <paramref name="folder"/> cannot be read as Fashion-MNIST (the files it lacks), or null when it can.</summary>
    public static string? Problem(string folder)
    {
        var missing = All.Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
        return missing.Length == 0 ? null
            : $"Fashion-MNIST not found: {folder} lacks {string.Join(", ", missing)}. Pass the folder that holds them with --data.";
    }
}

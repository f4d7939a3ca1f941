using GanEstimators.Loading;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class IdxImagesTests
{
    private static readonly byte[] Classes = { 3, 0, 9, 3, 7 };

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void PixelsAndLabelsRoundTrip(bool gzip)
    {
        using var files = new IdxTestFiles();
        var images = files.Images("images-idx3-ubyte", Classes.Length, rows: 4, cols: 3, gzip);
        var labels = files.Labels("labels-idx1-ubyte", Classes, gzip);

        var data = IdxImages.Load(new MLContext(1), images, labels);

        var features = data.Schema["Features"].Type as VectorDataViewType;
        Assert.IsNotNull(features);
        CollectionAssert.AreEqual(new[] { 1, 4, 3 }, features.Dimensions.ToArray());
        Assert.AreEqual(TextDataViewType.Instance, data.Schema["Label"].Type);
        var pixels = data.GetColumn<float[]>("Features").SelectMany(row => row).ToArray();
        CollectionAssert.AreEqual(IdxTestFiles.Pixels(Classes.Length, 4, 3).Select(b => (float)b).ToArray(), pixels);
        CollectionAssert.AreEqual(Classes.Select(c => c.ToString()).ToArray(), data.GetColumn<string>("Label").ToArray());
    }

    [TestMethod]
    public void ImagesLoadWithoutLabelsAndMaxRowsKeepsTheFirstRows()
    {
        using var files = new IdxTestFiles();
        var images = files.Images("images.gz", Classes.Length, rows: 2, cols: 2, gzip: true);

        var data = IdxImages.Load(new MLContext(1), images, maxRows: 2);

        Assert.IsNull(data.Schema.GetColumnOrNull("Label"));
        var rows = data.GetColumn<float[]>("Features").ToArray();
        Assert.HasCount(2, rows);
        CollectionAssert.AreEqual(IdxTestFiles.Pixels(2, 2, 2).Select(b => (float)b).ToArray(), rows.SelectMany(r => r).ToArray());
    }

    [TestMethod]
    public void ALabelFileGivenAsImagesIsNamedWithTheExpectedMagic()
    {
        using var files = new IdxTestFiles();
        var labels = files.Labels("labels-idx1-ubyte", Classes, gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImages.Load(new MLContext(1), labels));

        StringAssert.Contains(error.Message, labels);
        StringAssert.Contains(error.Message, "2049");
        StringAssert.Contains(error.Message, "expected 2051");
    }

    [TestMethod]
    public void ABadLabelMagicIsNamed()
    {
        using var files = new IdxTestFiles();
        var images = files.Images("images", Classes.Length, 2, 2, gzip: false);
        var labels = files.Labels("labels.gz", Classes, gzip: true, magic: 1234);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImages.Load(new MLContext(1), images, labels));

        StringAssert.Contains(error.Message, labels);
        StringAssert.Contains(error.Message, "expected 2049");
    }

    [TestMethod]
    public void DifferentCountsInTheTwoFilesAreNamed()
    {
        using var files = new IdxTestFiles();
        var images = files.Images("images", Classes.Length, 2, 2, gzip: false);
        var labels = files.Labels("labels", Classes[..4], gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImages.Load(new MLContext(1), images, labels, maxRows: 2));

        StringAssert.Contains(error.Message, "4 labels");
        StringAssert.Contains(error.Message, "5 images");
        StringAssert.Contains(error.Message, images);
        StringAssert.Contains(error.Message, labels);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ATruncatedFileIsNamed(bool gzip)
    {
        using var files = new IdxTestFiles();
        var images = files.Images("images", count: 3, rows: 4, cols: 4, gzip, truncateTo: 16 + 40);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImages.Load(new MLContext(1), images));

        StringAssert.Contains(error.Message, images);
        StringAssert.Contains(error.Message, "truncated");
        StringAssert.Contains(error.Message, "40 of 48 bytes");
    }

    [TestMethod]
    [DataRow(0, 65536, 65536)]
    [DataRow(1 << 30, 1 << 17, 1 << 17)]
    public void SizesWhoseProductOverflowsAreNamedNotWrapped(int count, int rows, int cols)
    {
        using var files = new IdxTestFiles();
        var images = files.ImagesHeaderOnly("huge", count, rows, cols);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => IdxImages.Load(new MLContext(1), images));

        StringAssert.Contains(error.Message, images);
        StringAssert.Contains(error.Message, $"images of {rows}×{cols} bytes each, more than one array can hold");
    }
}

using GanEstimators.Tests.Sampling;
using Microsoft.ML;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model's normal-score correlations edited behind its hash (ModelZip.Rehash) are refused with an
/// InvalidDataException naming the entry and the field: a size, a column of the wrong kind or out of order, a
/// correlation that is not finite or not a correlation, a matrix that is not positive definite.
/// </summary>
[TestClass]
public sealed class CorrelationsIntegrityTests
{
    private static string _model = "";
    private static string _folder = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        _folder = Directory.CreateDirectory(Path.Combine(context.TestRunResultsDirectory ?? Path.GetTempPath(), nameof(CorrelationsIntegrityTests))).FullName;
        using var sampler = DependenceData.Train(DependenceData.Days(9), 9);
        _model = Path.Combine(_folder, "intact.zip");
        new MLContext(9).Model.Save(sampler, null, _model);
    }

    // The section as saved, last in the model's content (ML.NET's string table follows it in the entry): 3 columns, 1, 2 and 3 (High, Low, Wind; 0 is the season), then
    // the three correlations above the diagonal as doubles.
    private static readonly int[] Section = { 3, 1, 2, 3 };

    private static void Edit(string name, Action<byte[], int> edit, string expected)
    {
        var zip = ModelZip.CopyOf(_model, _folder, name);
        zip.Edit("Model.key", bytes =>
        {
            var pattern = Section.SelectMany(BitConverter.GetBytes).ToArray();
            var at = bytes.AsSpan().LastIndexOf(pattern);
            Assert.IsGreaterThanOrEqualTo(0, at, "the correlations' section is where the layout says");
            edit(bytes, at);
        });
        zip.Rehash();
        ModelIntegrityTests.AssertFails(zip, "Model.key", expected);
    }

    [TestMethod]
    [DataRow(0, 1, "number of columns of the normal-score correlations")]
    [DataRow(4, 0, "not a mode-specific column with value quantiles")]
    [DataRow(8, 1, "column of the normal-score correlations")]
    [DataRow(20, 0x7FF80000, "correlation of the normal-score correlations")]
    public void AnEditedFieldIsRefusedNamingIt(int offset, int value, string expected) =>
        Edit($"{TestContext.TestName}-{offset}.zip", (bytes, at) => BitConverter.GetBytes(value).CopyTo(bytes, at + offset), expected);

    [TestMethod]
    [DataRow(1.5, 0.5, 0.5, "correlations lie between -1 and 1")]
    [DataRow(0.9, 0.9, -0.9, "not a correlation matrix")]
    public void CorrelationsThatCannotBeAreRefused(double highLow, double highWind, double lowWind, string expected) =>
        Edit($"{TestContext.TestName}-{highLow}-{lowWind}.zip", (bytes, at) =>
        {
            var start = at + Section.Length * sizeof(int);
            BitConverter.GetBytes(highLow).CopyTo(bytes, start);
            BitConverter.GetBytes(highWind).CopyTo(bytes, start + 8);
            BitConverter.GetBytes(lowWind).CopyTo(bytes, start + 16);
        }, expected);
}

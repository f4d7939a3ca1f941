using GanEstimators.Tests.Constraints;
using Microsoft.ML;

namespace GanEstimators.Tests.Persistence;

/// <summary>
/// A model's determined values edited behind its hash (as a forger would: ModelZip.Rehash) are refused with an
/// InvalidDataException naming the entry and the field: a size, a column of the wrong kind, a level id the encoder does
/// not have, a value that is not finite.
/// </summary>
[TestClass]
public sealed class DeterminedValuesIntegrityTests
{
    private static string _model = "";
    private static string _folder = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        _folder = Directory.CreateDirectory(Path.Combine(context.TestRunResultsDirectory ?? Path.GetTempPath(), nameof(DeterminedValuesIntegrityTests))).FullName;
        var flights = DeterminedValuesTests.Flights(9);
        using var sampler = DeterminedValuesTests.Train(flights, 9);
        _model = Path.Combine(_folder, "intact.zip");
        new MLContext(9).Model.Save(sampler, null, _model);
    }

    // The section as saved: 1 rule; column 2 (Distance); 2 determining columns, 0 and 1 (Origin, Destination); 24 values
    // (8 airports × 3 routes), each two level ids and a float.
    private static readonly int[] Section = { 1, 2, 2, 0, 1, 24 };

    [TestMethod]
    [DataRow(4, 0, "not a scalar numeric column")]
    [DataRow(8, 3, "number of determining columns of determined values")]
    [DataRow(20, int.MaxValue, "number of determined values")]
    [DataRow(24, 99, "level id of determined values")]
    [DataRow(32, 0x7FC00000, "value of determined values")]
    public void AnEditedFieldIsRefusedNamingIt(int offset, int value, string expected)
    {
        var zip = ModelZip.CopyOf(_model, _folder, $"{TestContext.TestName}-{offset}.zip");
        zip.Edit("Model.key", bytes =>
        {
            var at = ModelZip.Find(bytes, Section);
            Assert.IsGreaterThanOrEqualTo(0, at, "the determined values' section is where the layout says");
            BitConverter.GetBytes(value).CopyTo(bytes, at + offset);
        });
        zip.Rehash();

        ModelIntegrityTests.AssertFails(zip, "Model.key", expected);
    }
}

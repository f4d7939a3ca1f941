using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Validation;

/// <summary><c>GetOutputSchema</c> applies the same column rules as <c>Fit</c>, as far as a schema shape can tell.</summary>
[TestClass]
public sealed class OutputSchemaRuleTests
{
    private sealed class Row
    {
        public float X { get; set; }
        public string City { get; set; } = "";

        [VectorType(3)]
        public double[] Doubles { get; set; } = new double[3];
    }

    private static readonly MLContext Ml = new(1);

    private static IDataView Data => Ml.Data.LoadFromEnumerable(new[] { new Row { X = 1, City = "a" }, new Row { X = 2, City = "b" } });

    // ML.NET keeps SchemaShape.Create and the column constructor internal; a pipeline reaches them, a test uses reflection.
    private static SchemaShape Shape =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(DataViewSchema) })!.Invoke(null, new object[] { Data.Schema })!;

    private static SchemaShape.Column Column(string name, DataViewType type, bool isKey) =>
        (SchemaShape.Column)typeof(SchemaShape.Column).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 5)
            .Invoke(new object?[] { name, SchemaShape.Column.VectorKind.Scalar, type, isKey, null });

    private static (ArgumentException Fit, ArgumentException Schema) BothFail(GanTrainer.Options options)
    {
        var trainer = Ml.Gan().Trainer(options);
        return (Assert.Throws<ArgumentException>(() => trainer.Fit(Data)), Assert.Throws<ArgumentException>(() => trainer.GetOutputSchema(Shape)));
    }

    [TestMethod]
    public void AMissingColumnIsNamedWithTheAvailableOnesByBoth()
    {
        var (fit, schema) = BothFail(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "Town" } });

        foreach (var error in new[] { fit, schema })
        {
            StringAssert.Contains(error.Message, "Feature column 'Town' was not found");
            StringAssert.Contains(error.Message, "Available columns: 'X', 'City', 'Doubles'");
        }
        Assert.AreEqual("inputSchema", schema.ParamName);
    }

    [TestMethod]
    public void AnUnsupportedFeatureTypeIsRefusedByBoth()
    {
        var (fit, schema) = BothFail(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "Doubles" } });

        foreach (var error in new[] { fit, schema })
            StringAssert.Contains(error.Message, "Feature column 'Doubles' has type Vector<Double");
    }

    [TestMethod]
    public void CategoricalColumnNamesOutsideTheFeaturesAreRefusedByBoth()
    {
        var (fit, schema) = BothFail(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, CategoricalColumnNames = new[] { "City" } });

        Assert.AreEqual(fit.Message, schema.Message);
        StringAssert.Contains(schema.Message, "CategoricalColumnNames names 'City'");
    }

    [TestMethod]
    public void DcganOnAScalarAsksForAPixelVectorInBoth()
    {
        var (fit, schema) = BothFail(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, Architecture = GanArchitecture.Dcgan });

        foreach (var error in new[] { fit, schema })
            StringAssert.Contains(error.Message, "Feature column 'X' has type Single; the DCGAN image networks need a known-size vector of Single pixels (ml.Transforms.ExtractPixels");
    }

    [TestMethod]
    public void AConditionKeyOtherThanUInt32IsRefusedAsFitRefusesIt()
    {
        var shape = new SchemaShape(new[]
        {
            Column("X", NumberDataViewType.Single, isKey: false),
            Column("Label", NumberDataViewType.Byte, isKey: true),
        });
        var trainer = Ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X" }, ConditionColumnName = "Label" });

        var error = Assert.Throws<ArgumentException>(() => trainer.GetOutputSchema(shape));

        StringAssert.Contains(error.Message, "Condition column 'Label' has type Key<Byte>");
    }

    [TestMethod]
    public void TheGeneratedFeatureColumnsKeepTheirShape()
    {
        var trainer = Ml.Gan().Trainer(new GanTrainer.Options { FeatureColumnNames = new[] { "X", "City" } });

        var output = trainer.GetOutputSchema(Shape);

        Assert.AreEqual(TextDataViewType.Instance, output.Single(c => c.Name == "City").ItemType);
        Assert.IsTrue(output.Any(c => c.Name == "Doubles"), "the input's other columns pass through");
    }
}

using GanEstimators.Tests.Support;
using Microsoft.ML;

namespace GanEstimators.Tests.Tabular;

[TestClass]
public sealed class EncoderFittingRowsTests
{
    [TestMethod]
    public void ATableLargerThanTheBoundFitsItsMixturesToASampleAndSaysSo()
    {
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.Message); };
        var options = ModeSpecificRing();
        options.EncoderFittingRows = 1_000;

        using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 3_000));

        Assert.IsTrue(logged.Any(m => m.Contains("uniform sample of 1000 of the 3000 rows")), "the sample is logged");
        Assert.IsTrue(logged.Any(m => m.Contains("fitted the encoders in")), "the fitting time is logged");
    }

    [TestMethod]
    public void ATableWithinTheBoundTrainsExactlyAsBefore()
    {
        float[] Train(int fittingRows)
        {
            var ml = new MLContext(1);
            var options = ModeSpecificRing();
            options.EncoderFittingRows = fittingRows;
            using var sampler = ml.Gan().Trainer(options).Fit(RingOfGaussians.Load(ml, 1_000));
            return Columns.Read<float>(sampler.Sample(50, seed: 3), "X");
        }

        CollectionAssert.AreEqual(Train(GanTrainer.Defaults.EncoderFittingRows), Train(1_000));
    }

    [TestMethod]
    public void ABoundUnder1000IsRefusedNamingTheOption()
    {
        var options = ModeSpecificRing();
        options.EncoderFittingRows = 10;

        var error = Assert.Throws<ArgumentException>(() => new MLContext(1).Gan().Trainer(options));

        StringAssert.Contains(error.Message, "EncoderFittingRows");
    }

    private static GanTrainer.Options ModeSpecificRing()
    {
        var options = RingTraining.Options(GanLoss.NonSaturating, epochs: 1);
        options.NumericEncoding = GanNumericEncoding.ModeSpecificNormalization;
        return options;
    }
}

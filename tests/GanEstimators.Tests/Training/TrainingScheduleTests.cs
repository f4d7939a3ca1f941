using GanEstimators;
using Microsoft.ML;

namespace GanEstimators.Tests.Training;

/// <summary>The schedule chosen from a table when the user leaves batch size, epochs and packing open (GanTrainingSchedule).</summary>
[TestClass]
public sealed class TrainingScheduleTests
{
    [TestMethod]
    public void ATableWithCategoriesTrainsAsCTGANWithEarlyStopping()
    {
        // seattle-weather's training split: 1,168 rows, a condition column.
        var schedule = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 1168, AllNumeric = false });

        Assert.AreEqual(500, schedule.BatchSize);
        Assert.AreEqual(1, schedule.PacSize);
        Assert.AreEqual(1500, schedule.Epochs, "3,000 steps at 2 steps an epoch");
        Assert.IsNotNull(schedule.EarlyStopping);
        Assert.AreEqual(50, schedule.EarlyStopping.EvaluateEveryEpochs);
    }

    [TestMethod]
    public void ASmallTableWithCategoriesTrains300EpochsWithoutEarlyStoppingBelow300Rows()
    {
        var schedule = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 275, AllNumeric = false });

        Assert.AreEqual((500, 1, 3000), (schedule.BatchSize, schedule.PacSize, schedule.Epochs));
        Assert.IsNull(schedule.EarlyStopping);
        var large = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 16_000, AllNumeric = false });
        Assert.AreEqual((500, 1, 300), (large.BatchSize, large.PacSize, large.Epochs));
    }

    [TestMethod]
    public void AnAllNumericTableGetsPackingSmallBatchesAndManySteps()
    {
        var schedule = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true });

        Assert.AreEqual(GanTrainingSchedule.NumericPacSize, schedule.PacSize);
        Assert.AreEqual(100, schedule.BatchSize, "a 25th of the rows");
        Assert.AreEqual(GanTrainingSchedule.NumericSteps / 25, schedule.Epochs);
        Assert.IsNull(schedule.EarlyStopping);
        Assert.AreEqual((GanLearningRateSchedule.Linear, (int?)(schedule.Epochs / 2)), (schedule.LearningRateSchedule, schedule.LearningRateDecayEpochs), "a linear decay over the second half");
        StringAssert.Contains(schedule.Description, "all-numeric");
        StringAssert.Contains(schedule.Description, "batch 100");
        StringAssert.Contains(schedule.Description, $"learning rates decaying (linear) over the last {schedule.Epochs / 2} epochs");
    }

    [TestMethod]
    public void ATableWithCategoriesKeepsConstantRatesAndAGivenLearningRateScheduleWins()
    {
        var categorical = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 1168, AllNumeric = false });
        var cosine = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true, LearningRateSchedule = GanLearningRateSchedule.Cosine });
        var constant = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true, LearningRateSchedule = GanLearningRateSchedule.Constant });
        var decay = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true, LearningRateDecayEpochs = 30 });
        var oneEpoch = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true, Epochs = 1 });

        Assert.AreEqual((GanLearningRateSchedule.Constant, (int?)null), (categorical.LearningRateSchedule, categorical.LearningRateDecayEpochs));
        StringAssert.Contains(categorical.Description, "constant learning rates");
        Assert.AreEqual((GanLearningRateSchedule.Cosine, (int?)null), (cosine.LearningRateSchedule, cosine.LearningRateDecayEpochs), "a given schedule decays over every epoch unless told otherwise");
        StringAssert.Contains(cosine.Description, "learning-rate schedule as given");
        Assert.AreEqual((GanLearningRateSchedule.Constant, (int?)null), (constant.LearningRateSchedule, constant.LearningRateDecayEpochs));
        Assert.AreEqual((GanLearningRateSchedule.Linear, (int?)30), (decay.LearningRateSchedule, decay.LearningRateDecayEpochs));
        Assert.AreEqual(GanLearningRateSchedule.Constant, oneEpoch.LearningRateSchedule, "nothing to decay over in one epoch");
    }

    [TestMethod]
    public void AnAllNumericBatchStaysBetween50And500RowsAndAMultipleOfThePacking()
    {
        Assert.AreEqual(50, GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 300, AllNumeric = true }).BatchSize);
        Assert.AreEqual(500, GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 1_000_000, AllNumeric = true }).BatchSize);
        Assert.AreEqual(102, GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2575, AllNumeric = true, PacSize = 3 }).BatchSize);
    }

    [TestMethod]
    public void GivenSettingsAlwaysWin()
    {
        var schedule = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = true, BatchSize = 500, Epochs = 7, PacSize = 1 });

        Assert.AreEqual((500, 7, 1), (schedule.BatchSize, schedule.Epochs, schedule.PacSize));
        Assert.IsNull(schedule.EarlyStopping, "given epochs are trained in full");
        StringAssert.Contains(schedule.Description, "batch size, epochs, packing as given");
        var categorical = GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 2500, AllNumeric = false, Epochs = 10 });
        Assert.IsNull(categorical.EarlyStopping);
        Assert.AreEqual(10, categorical.Epochs);
    }

    [TestMethod]
    public void ABadRequestNamesTheSetting()
    {
        var rows = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 0, AllNumeric = true }));
        Assert.AreEqual("Rows", rows.ParamName);
        var batch = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 10, AllNumeric = true, BatchSize = 0 }));
        Assert.AreEqual("BatchSize", batch.ParamName);
        var decay = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GanTrainingSchedule.Choose(new GanScheduleRequest { Rows = 10, AllNumeric = true, LearningRateDecayEpochs = 0 }));
        Assert.AreEqual("LearningRateDecayEpochs", decay.ParamName);
    }

    [TestMethod]
    public void TheCatalogWritesTheChoiceToTheMLContextLogAndItAppliesToTheOptions()
    {
        var ml = new MLContext(1);
        var logged = new List<string>();
        ml.Log += (_, e) => { lock (logged) logged.Add(e.RawMessage); };

        var schedule = ml.Gan().ChooseSchedule(new GanScheduleRequest { Rows = 2500, AllNumeric = true });
        var options = new GanTrainer.Options { FeatureColumnNames = new[] { "X", "Y" } };
        schedule.ApplyTo(options);

        CollectionAssert.Contains(logged, schedule.Description);
        Assert.AreEqual((schedule.BatchSize, schedule.Epochs, schedule.PacSize), (options.BatchSize, options.Epochs, options.PacSize));
        Assert.AreEqual((schedule.LearningRateSchedule, schedule.LearningRateDecayEpochs), (options.LearningRateSchedule, options.LearningRateDecayEpochs));
    }
}

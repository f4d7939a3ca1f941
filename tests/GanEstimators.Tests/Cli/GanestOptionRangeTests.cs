using System.Globalization;
using GanEstimators.Tests.Support;
using static GanEstimators.Tests.Cli.CleanFailures;

namespace GanEstimators.Tests.Cli;

/// <summary>`ganest` runs the library's own option checks and names a value out of range by the flag that set it.</summary>
[TestClass]
public sealed class GanestOptionRangeTests : GanestTestFolder
{
    [TestMethod]
    public void TrainNamesTheFlagOfAnOptionOutOfRange()
    {
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var model = Path.Combine(Folder, "m.zip");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--pac", "0"), Folder, before, "--pac must be positive; got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--discriminator-steps", "0"), Folder, before, "--discriminator-steps must be positive; got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", model, "--epochs", "-2"), Folder, before, "--epochs must be zero (an untrained baseline) or positive; got -2.");
    }

    [TestMethod]
    public void AugmentNamesTheFlagOfAnOptionOutOfRange()
    {
        var model = TinyModel.Model;
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--balance", "colour", "--balance-ratio", "2"),
            Folder, before, "--balance-ratio must be in (0, 1]", "got 2.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--count", "-3"), Folder, before, "--count must be zero or positive; got -3.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", model, "--out", output, "--count", "3", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
    }

    [TestMethod]
    public void SampleNamesTheThreadsFlagOutOfRange()
    {
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--threads", "0"), Folder, before, "--threads must be between 1 and", "got 0.");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--threads", "100000"), Folder, before, "--threads must be between 1 and", "got 100000.");
    }

    [TestMethod]
    public void SampleCalibratesCategoriesAndNumbersUnlessToldNot()
    {
        // Two categorical columns, so each row leaves one of them to the generator: the one calibration acts on.
        var data = Path.Combine(Folder, "two-categories.csv");
        var random = new Random(5);
        File.WriteAllLines(data, new[] { "colour,size,x" }.Concat(Enumerable.Range(0, 80).Select(i =>
            $"{(i % 4 == 0 ? "red" : i % 4 == 1 ? "green" : "blue")},{(random.NextDouble() < 0.7 ? "small" : "large")},{(random.Next(0, 1000) / 100.0).ToString("F2", CultureInfo.InvariantCulture)}")));
        var model = Path.Combine(Folder, "two-categories.zip");
        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--seed", "1");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);

        string Sample(params string[] extra)
        {
            var output = Path.Combine(Folder, $"calibration-{extra.Length}-{string.Join("-", extra)}.csv");
            var sampled = Ganest.Run(new[] { "sample", "--model", model, "--out", output, "--count", "400", "--seed", "3" }.Concat(extra).ToArray());
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            return File.ReadAllText(output);
        }

        var byDefault = Sample();
        Assert.AreEqual(byDefault, Sample("--calibrate-categories"), "calibrated by default");
        Assert.AreEqual(byDefault, Sample("--calibrate-categories", "true"));
        Assert.AreNotEqual(byDefault, Sample("--calibrate-categories", "false"), "false draws from the generator's own probabilities");
        Assert.AreEqual(byDefault, Sample("--calibrate-numbers", "true"), "numbers are calibrated by default");
        Assert.AreNotEqual(byDefault, Sample("--calibrate-numbers", "false"), "false writes the generator's own numbers");
        var before = FilesIn(Folder);
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--out", Path.Combine(Folder, "c.csv"), "--count", "3", "--calibrate-categories", "false", "--cluster", "localhost:1"),
            Folder, before, "--modes, --calibrate-categories false, --calibrate-numbers false, --calibrate-dependence false, --keep-seen-pairs false and --keep-determined-values false cannot be used with --cluster");
    }

    [TestMethod]
    public void SampleKeepsSeenPairsByDefaultSaysWhichAndLetsThemGo()
    {
        // Every city lies in one country: 12 of the 36 (city, country) combinations, each seen many times.
        var data = Path.Combine(Folder, "cities.csv");
        var random = new Random(6);
        var rows = Enumerable.Range(0, 300).Select(_ => random.Next(12)).Select(c => (City: $"city{c}", Country: $"country{c / 4}")).ToArray();
        File.WriteAllLines(data, new[] { "city,country,x" }.Concat(rows.Select((r, i) => $"{r.City},{r.Country},{(i % 7).ToString(CultureInfo.InvariantCulture)}.5")));
        var model = Path.Combine(Folder, "cities.zip");
        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--seed", "1");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);
        var seen = rows.Select(r => $"{r.City},{r.Country}").ToHashSet();

        (string Output, int Unseen) Sample(params string[] extra)
        {
            var output = Path.Combine(Folder, $"cities-{string.Join("-", extra)}.csv");
            var sampled = Ganest.Run(new[] { "sample", "--model", model, "--out", output, "--count", "600", "--seed", "2" }.Concat(extra).ToArray());
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            return (sampled.Output, File.ReadAllLines(output).Skip(1).Count(line => !seen.Contains(string.Join(',', line.Split(',').Take(2)))));
        }

        var (kept, keptUnseen) = Sample();
        StringAssert.Contains(kept, "Seen pairs: city × country");
        Assert.AreEqual(0, keptUnseen, "a city in a country it is not in");
        var (free, freeUnseen) = Sample("--keep-seen-pairs", "false");
        Assert.IsFalse(free.Contains("Seen pairs:"), free);
        Assert.IsTrue(freeUnseen > 0, "after one epoch the generator pairs cities and countries freely (so the check above can fail)");
        var before = FilesIn(Folder);
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--out", Path.Combine(Folder, "c.csv"), "--count", "3", "--keep-seen-pairs", "false", "--cluster", "localhost:1"),
            Folder, before, "--keep-seen-pairs false and --keep-determined-values false cannot be used with --cluster");
    }

    [TestMethod]
    public void SampleKeepsDeterminedValuesByDefaultSaysWhichAndLetsThemGo()
    {
        // Each of 6 airports flies to the next two; every route has its own distance.
        var data = Path.Combine(Folder, "routes.csv");
        var random = new Random(7);
        var rows = Enumerable.Range(0, 400).Select(_ => (Origin: random.Next(6), Hop: 1 + random.Next(2)))
            .Select(r => (Origin: $"a{r.Origin}", Destination: $"a{(r.Origin + r.Hop) % 6}", Distance: 100 * (r.Origin + 1) + 30 * r.Hop)).ToArray();
        File.WriteAllLines(data, new[] { "origin,destination,distance" }.Concat(rows.Select(r => $"{r.Origin},{r.Destination},{r.Distance}")));
        var model = Path.Combine(Folder, "routes.zip");
        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--seed", "1");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);
        var seen = rows.Select(r => (r.Origin, r.Destination, (double)r.Distance)).ToHashSet();
        bool Seen(string line) => line.Split(',') is [var origin, var destination, var distance]
            && seen.Contains((origin, destination, double.Parse(distance, CultureInfo.InvariantCulture)));

        (string Output, int Wrong) Sample(params string[] extra)
        {
            var output = Path.Combine(Folder, $"routes-{string.Join("-", extra)}.csv");
            var sampled = Ganest.Run(new[] { "sample", "--model", model, "--out", output, "--count", "600", "--seed", "2" }.Concat(extra).ToArray());
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            return (sampled.Output, File.ReadAllLines(output).Skip(1).Count(line => !Seen(line)));
        }

        var (kept, keptWrong) = Sample();
        StringAssert.Contains(kept, "Determined values: distance by origin × destination (12 values)");
        Assert.AreEqual(0, keptWrong, "a route with a distance it does not have");
        var (free, freeWrong) = Sample("--keep-determined-values", "false");
        Assert.IsFalse(free.Contains("Determined values:"), free);
        Assert.IsTrue(freeWrong > 0, "after one epoch the generator's distances miss their routes (so the check above can fail)");
        var before = FilesIn(Folder);
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--out", Path.Combine(Folder, "r.csv"), "--count", "3", "--keep-determined-values", "false", "--cluster", "localhost:1"),
            Folder, before, "--keep-determined-values false cannot be used with --cluster");
    }

    [TestMethod]
    public void SampleCalibratesTheDependenceByDefaultSaysWhichAndLetsItGo()
    {
        // A day's low is a few degrees under its high: the two correlate at about 0.99, which one epoch does not learn.
        var data = Path.Combine(Folder, "days.csv");
        File.WriteAllLines(data, new[] { "season,high,low,wind" }.Concat(Sampling.DependenceData.Days(3).Select(d =>
            string.Join(',', d.Season, d.High.ToString(CultureInfo.InvariantCulture), d.Low.ToString(CultureInfo.InvariantCulture), d.Wind.ToString(CultureInfo.InvariantCulture)))));
        var model = Path.Combine(Folder, "days.zip");
        var trained = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--seed", "1");
        Assert.AreEqual(0, trained.ExitCode, trained.Output);

        (string Output, double Correlation) Sample(params string[] extra)
        {
            var output = Path.Combine(Folder, $"days-{string.Join("-", extra)}.csv");
            var sampled = Ganest.Run(new[] { "sample", "--model", model, "--out", output, "--count", "2000", "--seed", "2" }.Concat(extra).ToArray());
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            var fields = File.ReadAllLines(output).Skip(1).Select(line => line.Split(',')).ToArray();
            float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);
            return (sampled.Output, Sampling.DependenceCalibrationTests.RankCorrelation(fields.Select(f => Number(f[1])).ToArray(), fields.Select(f => Number(f[2])).ToArray()));
        }

        var (kept, keptCorrelation) = Sample();
        StringAssert.Contains(kept, "Calibrated dependence: high, low, wind");
        Assert.IsGreaterThan(0.95, keptCorrelation, "highs and lows move together as in training");
        var (free, freeCorrelation) = Sample("--calibrate-dependence", "false");
        Assert.IsFalse(free.Contains("Calibrated dependence:"), free);
        Assert.IsLessThan(0.8, freeCorrelation, "after one epoch the generator's highs and lows barely correlate (so the check above can fail)");
        var before = FilesIn(Folder);
        AssertFailedCleanly(Ganest.Run("sample", "--model", model, "--out", Path.Combine(Folder, "d.csv"), "--count", "3", "--calibrate-dependence", "false", "--cluster", "localhost:1"),
            Folder, before, "--calibrate-dependence false, --keep-seen-pairs false and --keep-determined-values false cannot be used with --cluster");
    }

    [TestMethod]
    public void SampleTakesAModeChoiceAndRefusesAnUnknownOne()
    {
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", "argmax"), Folder, before, "--modes must be drawn or most-likely; got 'argmax'.");
        AssertFailedCleanly(Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", "drawn", "--cluster", "localhost:1"),
            Folder, before, "--modes, --calibrate-categories false, --calibrate-numbers false, --calibrate-dependence false, --keep-seen-pairs false and --keep-determined-values false cannot be used with --cluster");
        foreach (var choice in new[] { "drawn", "most-likely" })
        {
            var sampled = Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--modes", choice, "--seed", "1");
            Assert.AreEqual(0, sampled.ExitCode, sampled.Output);
            Assert.AreEqual(4, File.ReadAllLines(output).Length, choice);
            Assert.IsFalse(sampled.Output.Contains("Mode choice:"), "a given choice is not decided");
        }
        var chosen = Ganest.Run("sample", "--model", TinyModel.Model, "--out", output, "--count", "3", "--seed", "1");
        Assert.AreEqual(0, chosen.ExitCode, chosen.Output);
        StringAssert.Contains(chosen.Output, "Mode choice: ", "the default is decided from the model and printed");
    }

    [TestMethod]
    public void RulesBetweenOptionsAreTheLibrarysInTheCommandsWords()
    {
        var data = Path.Combine(Folder, "train.csv");
        File.WriteAllLines(data, new[] { TinyModel.Header }.Concat(TinyModel.Rows(60)));
        var output = Path.Combine(Folder, "out.csv");
        var before = FilesIn(Folder);

        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", TinyModel.Model, "--out", output), Folder, before, "Give exactly one of --balance COLUMN or --count N.");
        AssertFailedCleanly(Ganest.Run("augment", "--data", TinyModel.Data, "--model", TinyModel.Model, "--out", output, "--count", "5", "--balance-ratio", "0.5"),
            Folder, before, "--balance-ratio applies to --balance COLUMN, not to --count.");
        AssertFailedCleanly(Ganest.Run("train", "--data", data, "--model", Path.Combine(Folder, "m.zip"), "--epochs", "1", "--ignore", TinyModel.Header),
            Folder, before, "are left to generate after --ignore; keep at least one.");
    }
}

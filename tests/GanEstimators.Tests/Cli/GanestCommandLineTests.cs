using GanEstimators.Tests.Support;

namespace GanEstimators.Tests.Cli;

[TestClass]
public sealed class GanestCommandLineTests : GanestTestFolder
{
    private string WriteTrainingCsv()
    {
        var path = Path.Combine(Folder, "train.csv");
        var points = RingOfGaussians.Points(400, 0.05, 1);
        File.WriteAllLines(path, new[] { "mode,x,count,y" }.Concat(points.Select((p, i) => $"{p.Mode},{p.X:F3},{i % 7},{p.Y:F2}")));
        return path;
    }

    [TestMethod]
    public void HelpAndInfoSayWhichDevicesTheToolCanUse()
    {
        var help = Ganest.Run("--help");
        Assert.AreEqual(0, help.ExitCode, help.Output);
        StringAssert.Contains(help.Output, "ships libtorch's CPU build");

        var info = Ganest.Run("info");
        Assert.AreEqual(0, info.ExitCode, info.Output);
        StringAssert.Contains(info.Output, TorchSharp.torch.cuda.is_available() ? "Devices: CPU, and CUDA" : "Devices: CPU only");
        StringAssert.Contains(info.Output, "libtorch 2.");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void TrainThenSampleWritesTheTrainingColumnsInOrderWithTheirFormats()
    {
        var data = WriteTrainingCsv();
        var model = Path.Combine(Folder, "model.zip");
        var synthetic = Path.Combine(Folder, "synthetic.csv");

        var train = Ganest.Run("train", "--data", data, "--model", model, "--condition-column", "mode", "--loss", "least-squares", "--epochs", "3", "--pac", "2", "--average", "0.9");
        Assert.AreEqual(0, train.ExitCode, train.Output);
        var sample = Ganest.Run("sample", "--model", model, "--count", "50", "--out", synthetic, "--condition", "mode=m3", "--seed", "4");
        Assert.AreEqual(0, sample.ExitCode, sample.Output);

        var lines = File.ReadAllLines(synthetic);
        Assert.AreEqual("mode,x,count,y", lines[0]);
        Assert.HasCount(51, lines);
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.AreEqual("m3", fields[0]);
            Assert.IsTrue(long.TryParse(fields[2], out _), $"'count' was written as an integer: {fields[2]}");
            Assert.IsLessThanOrEqualTo(2, fields[3].Split('.').ElementAtOrDefault(1)?.Length ?? 0, "'y' keeps its two decimals");
        }
        var again = Path.Combine(Folder, "again.csv");
        Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "50", "--out", again, "--condition", "mode=m3", "--seed", "4", "--threads", "2").ExitCode);
        CollectionAssert.AreEqual(lines, File.ReadAllLines(again), "the same seed gives the same rows, whatever the thread count");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ReadingsOnAGridStayOnItUnlessContinuousIsAsked()
    {
        var path = Path.Combine(Folder, "readings.csv");
        var random = new Random(2);
        File.WriteAllLines(path, new[] { "reading" }.Concat(Enumerable.Range(0, 400).Select(_ => (random.Next(0, 40) * 0.5).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        var grid = File.ReadAllLines(path).Skip(1).ToHashSet();

        string[] Sample(params string[] switches)
        {
            var model = Path.Combine(Folder, $"model{switches.Length}.zip");
            var synthetic = Path.Combine(Folder, $"synthetic{switches.Length}.csv");
            var train = Ganest.Run(new[] { "train", "--data", path, "--model", model, "--epochs", "3" }.Concat(switches).ToArray());
            Assert.AreEqual(0, train.ExitCode, train.Output);
            // The decoding itself: number calibration would map readings onto the training quantiles, mostly grid values.
            Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "300", "--out", synthetic, "--seed", "1", "--calibrate-numbers", "false").ExitCode);
            return File.ReadAllLines(synthetic).Skip(1).ToArray();
        }

        CollectionAssert.IsSubsetOf(Sample().Distinct().ToArray(), grid.ToArray(), "every reading is one the training file has");
        Assert.IsGreaterThan(100, Sample("--continuous").Count(r => !grid.Contains(r)), "with --continuous most readings fall between the grid's values");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void AValueHoldingHalfTheColumnComesBackExactlyUnlessNoPointMassesIsAsked()
    {
        var path = Path.Combine(Folder, "point-mass.csv");
        var random = new Random(3);
        File.WriteAllLines(path, new[] { "amount" }.Concat(Enumerable.Range(0, 400).Select(i =>
            (i % 2 == 0 ? 5.0 : random.NextDouble() * 10).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));

        int ExactFives(params string[] switches)
        {
            var model = Path.Combine(Folder, $"point-mass{switches.Length}.zip");
            var synthetic = Path.Combine(Folder, $"point-mass{switches.Length}.csv");
            var train = Ganest.Run(new[] { "train", "--data", path, "--model", model, "--epochs", "3", "--continuous" }.Concat(switches).ToArray());
            Assert.AreEqual(0, train.ExitCode, train.Output);
            // The decoding itself: number calibration would map values onto the training quantiles, half of which are 5.000.
            Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "300", "--out", synthetic, "--seed", "1", "--calibrate-numbers", "false").ExitCode);
            return File.ReadAllLines(synthetic).Skip(1).Count(v => v == "5.000");
        }

        var with = ExactFives();
        var without = ExactFives("--no-point-masses");
        Console.WriteLine($"exactly 5.000 in 300 rows after 3 epochs: {with} with the point mass, {without} without");
        Assert.IsGreaterThan(10, with, "the point mass is a mode of its own that decodes to exactly 5.000");
        Assert.IsLessThan(3, without, "without it, a Gaussian mode rarely lands on 5.000 to three decimals");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void ErrorsNameTheColumnOrValue()
    {
        var data = WriteTrainingCsv();
        var model = Path.Combine(Folder, "model.zip");

        var unknown = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--discrete", "colour");
        Assert.AreEqual(1, unknown.ExitCode);
        StringAssert.Contains(unknown.Output, "Column 'colour'");
        Assert.IsFalse(File.Exists(model), "nothing is written when training fails");

        var badLoss = Ganest.Run("train", "--data", data, "--model", model, "--condition-column", "mode", "--loss", "magic");
        Assert.AreEqual(1, badLoss.ExitCode);
        StringAssert.Contains(badLoss.Output, "wgan-gp");

        var badAverage = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--average", "1");
        Assert.AreEqual(1, badAverage.ExitCode);
        StringAssert.Contains(badAverage.Output, "--average must be a decay in [0, 1)");
        Assert.IsFalse(File.Exists(model));

        var badWeight = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--frequency-weight", "-1");
        Assert.AreEqual(1, badWeight.ExitCode);
        StringAssert.Contains(badWeight.Output, "--frequency-weight must be 0 (off) or a positive finite number");
        Assert.IsFalse(File.Exists(model));

        if (!TorchSharp.torch.cuda.is_available())
        {
            var noGpu = Ganest.Run("train", "--data", data, "--model", model, "--epochs", "1", "--gpu", "0");
            Assert.AreEqual(1, noGpu.ExitCode);
            StringAssert.Contains(noGpu.Output, "--gpu 0: CUDA is not available to this ganest (the tool package ships libtorch's CPU build only)");
            Assert.IsFalse(File.Exists(model), "nothing is written when the device is missing");
        }

        Assert.AreEqual(0, Ganest.Run("train", "--data", data, "--model", model, "--condition-column", "mode", "--epochs", "1").ExitCode);
        var unseen = Ganest.Run("sample", "--model", model, "--count", "5", "--out", Path.Combine(Folder, "x.csv"), "--condition", "mode=m42");
        Assert.AreEqual(1, unseen.ExitCode);
        StringAssert.Contains(unseen.Output, "'m42'");
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public void MixedColumnsComeBackInTheirFormatsAndCategoricalConditionsHold()
    {
        var data = Path.Combine(Folder, "mixed.csv");
        var random = new Random(2);
        File.WriteAllLines(data, new[] { "day,city,code,rain,visitors" }.Concat(Enumerable.Range(0, 300).Select(i =>
            $"{new DateTime(2021, 1, 1).AddDays(random.Next(200)):yyyy-MM-dd},{(i % 3 == 0 ? "Oslo" : i % 3 == 1 ? "\"Bergen, West\"" : "Tromsø")},{i % 4}," +
            $"{(i % 5 == 0 ? "" : (random.NextDouble() * 10).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))},{random.Next(1, 50)}")));
        var model = Path.Combine(Folder, "model.zip");
        var train = Ganest.Run("train", "--data", data, "--model", model, "--discrete", "code", "--epochs", "5", "--critic-steps", "1");
        Assert.AreEqual(0, train.ExitCode, train.Output);

        var synthetic = Path.Combine(Folder, "synthetic.csv");
        var sample = Ganest.Run("sample", "--model", model, "--count", "200", "--out", synthetic, "--condition", "city=Bergen, West", "--condition", "code=2", "--seed", "1");
        Assert.AreEqual(0, sample.ExitCode, sample.Output);
        var lines = File.ReadAllLines(synthetic);
        Assert.AreEqual("day,city,code,rain,visitors", lines[0]);
        Assert.HasCount(201, lines);
        foreach (var line in lines.Skip(1))
        {
            StringAssert.StartsWith(line[10..], ",\"Bergen, West\",2,", $"conditions hold and the quoted category is written back quoted: {line}");
            Assert.IsTrue(DateTime.TryParseExact(line[..10], "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var day), $"the date keeps its format: {line}");
            Assert.IsTrue(day >= new DateTime(2021, 1, 1) && day < new DateTime(2021, 7, 20), $"the date stays in the training range: {line}");
        }
        var unconditioned = Path.Combine(Folder, "unconditioned.csv");
        Assert.AreEqual(0, Ganest.Run("sample", "--model", model, "--count", "500", "--out", unconditioned, "--seed", "2").ExitCode);
        var rains = File.ReadAllLines(unconditioned).Skip(1).Select(l => l.Split(',')[^2]).ToArray();
        Assert.IsTrue(rains.Any(r => r.Length == 0), "missing values are written back as empty fields");
        Assert.IsTrue(rains.Where(r => r.Length > 0).All(r => r.Split('.').ElementAtOrDefault(1)?.Length is null or <= 1), "numbers keep their one decimal");

        var numeric = Ganest.Run("sample", "--model", model, "--count", "5", "--out", Path.Combine(Folder, "x.csv"), "--condition", "rain=3");
        Assert.AreEqual(1, numeric.ExitCode);
        StringAssert.Contains(numeric.Output, "'rain'");
    }
}

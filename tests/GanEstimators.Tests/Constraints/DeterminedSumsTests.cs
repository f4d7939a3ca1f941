using GanEstimators.Tests.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Constraints;

/// <summary>
/// GanSampler.KeepDeterminedValues, second kind: a numeric column that is the sum of two others in every training row
/// (a total cost) is rebuilt from the generated parts; a column that is a sum in all rows but one is left alone.
/// </summary>
[TestClass]
public sealed class DeterminedSumsTests
{
    public sealed class Claim
    {
        public float Other { get; set; }
        public float Repair { get; set; }
        public float Total { get; set; }
        public float Speed { get; set; }
    }

    // Costs as birdstrikes has them: mostly zero, now and then large; the total is their sum (but in one row, with a slip).
    private static Claim[] Claims(int seed, bool slip = false)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 1000).Select(i =>
        {
            var other = random.Next(5) == 0 ? (float)Math.Round(1000 * random.NextDouble()) : 0f;
            var repair = random.Next(3) == 0 ? (float)Math.Round(50_000 * Math.Pow(random.NextDouble(), 3)) : 0f;
            return new Claim { Other = other, Repair = repair, Total = other + repair + (slip && i == 500 ? 1 : 0), Speed = (float)Math.Round(100 + 80 * random.NextDouble()) };
        }).ToArray();
    }

    private static GanSampler Train(Claim[] claims, int seed)
    {
        var ml = new MLContext(seed);
        return ml.Gan().Trainer(new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Claim.Other), nameof(Claim.Repair), nameof(Claim.Total), nameof(Claim.Speed) },
            Epochs = 3,
            BatchSize = 200,
            NumberOfThreads = 1,
        }).Fit(ml.Data.LoadFromEnumerable(claims));
    }

    private static (float Other, float Repair, float Total, float Speed)[] Rows(IDataView view) =>
        view.GetColumn<float>(nameof(Claim.Other)).Zip(view.GetColumn<float>(nameof(Claim.Repair)), view.GetColumn<float>(nameof(Claim.Total)))
            .Zip(view.GetColumn<float>(nameof(Claim.Speed)), (r, speed) => (r.First, r.Second, r.Third, speed)).ToArray();

    private static int WrongTotals((float Other, float Repair, float Total, float Speed)[] rows) => rows.Count(r => r.Total != r.Other + r.Repair);

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void ATotalIsTheSumOfItsGeneratedPartsAndTheRestStaysTheGenerators(int seed)
    {
        using var sampler = Train(Claims(seed), seed);
        var kept = Rows(sampler.Sample(2000, seed: 3));
        sampler.KeepDeterminedValues = false;
        var free = Rows(sampler.Sample(2000, seed: 3));

        Assert.AreEqual(0, WrongTotals(kept), "a total that is not the sum of its parts");
        Assert.IsTrue(WrongTotals(free) > 200, $"without KeepDeterminedValues this short training's totals miss their parts in {WrongTotals(free)} of 2,000 rows, so the check above can fail");
        CollectionAssert.AreEqual(free.Select(r => (r.Other, r.Repair, r.Speed)).ToArray(), kept.Select(r => (r.Other, r.Repair, r.Speed)).ToArray(), "only the total changes");
    }

    [TestMethod]
    public void AColumnThatIsASumInAllRowsButOneIsLeftAlone()
    {
        using var sampler = Train(Claims(4, slip: true), 4);
        var kept = Rows(sampler.Sample(1000, seed: 5));
        sampler.KeepDeterminedValues = false;
        CollectionAssert.AreEqual(Rows(sampler.Sample(1000, seed: 5)), kept, "one training row breaks the sum: no rule, so the switch changes nothing");
    }

    [TestMethod]
    [DataRow(4, 99, "total column of determined sums")]
    [DataRow(8, 2, "in two roles")]
    [DataRow(0, int.MaxValue, "number of determined sums")]
    public void ASavedSumEditedBehindTheHashIsRefusedNamingIt(int offset, int value, string expected)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ganest-sums", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var sampler = Train(Claims(6), 6);
            var path = Path.Combine(folder, "claims.zip");
            new MLContext(6).Model.Save(sampler, null, path);
            using (var loaded = (GanSampler)new MLContext().Model.Load(path, out _))
                Assert.AreEqual(0, WrongTotals(Rows(loaded.Sample(500, seed: 7))), "the intact model keeps its sum");
            // The sums come last in the content: 1 sum, total 2 (Total) = 0 (Other) + 1 (Repair).
            var zip = new ModelZip(path);
            zip.Edit("Model.key", bytes =>
            {
                var at = bytes.AsSpan().LastIndexOf(new[] { 1, 2, 0, 1 }.SelectMany(BitConverter.GetBytes).ToArray());
                Assert.IsGreaterThanOrEqualTo(0, at, "the sums' section is where the layout says");
                BitConverter.GetBytes(value).CopyTo(bytes, at + offset);
            });
            zip.Rehash();
            ModelIntegrityTests.AssertFails(zip, "Model.key", expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

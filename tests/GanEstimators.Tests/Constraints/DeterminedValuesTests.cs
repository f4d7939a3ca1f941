using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Constraints;

/// <summary>
/// GanSampler.KeepDeterminedValues: a numeric column the training rows fix by their categories (a route's distance)
/// takes that value in every generated row with seen categories; a column they do not fix is left to the generator.
/// </summary>
[TestClass]
public sealed class DeterminedValuesTests
{
    public sealed class Flight
    {
        public string Origin { get; set; } = "";
        public string Destination { get; set; } = "";
        public float Distance { get; set; }
        public float Delay { get; set; }
    }

    // 8 airports, each flying to the next 3; a route's distance depends on both airports (no airport alone fixes it).
    // With spread, a few routes fly a second distance, so no rule may be found.
    internal static Flight[] Flights(int seed, bool spread = false)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 1200).Select(_ =>
        {
            var (origin, hop) = (random.Next(8), 1 + random.Next(3));
            var distance = 90 * (origin + 1) + 40 * hop + (spread && origin == 3 && random.Next(4) == 0 ? 5 : 0);
            return new Flight { Origin = $"airport{origin}", Destination = $"airport{(origin + hop) % 8}", Distance = distance, Delay = (float)Math.Round(30 * random.NextDouble() - 8) };
        }).ToArray();
    }

    internal static GanSampler Train(Flight[] flights, int seed, params GanConstraint[] constraints)
    {
        var ml = new MLContext(seed);
        var options = new GanTrainer.Options
        {
            FeatureColumnNames = new[] { nameof(Flight.Origin), nameof(Flight.Destination), nameof(Flight.Distance), nameof(Flight.Delay) },
            Constraints = constraints,
            Epochs = 3,
            BatchSize = 200,
            NumberOfThreads = 1,
        };
        return ml.Gan().Trainer(options).Fit(ml.Data.LoadFromEnumerable(flights));
    }

    private static (string Origin, string Destination, float Distance, float Delay)[] Rows(IDataView view) =>
        view.GetColumn<string>(nameof(Flight.Origin)).Zip(view.GetColumn<string>(nameof(Flight.Destination)), view.GetColumn<float>(nameof(Flight.Distance)))
            .Zip(view.GetColumn<float>(nameof(Flight.Delay)), (r, delay) => (r.First, r.Second, r.Third, delay)).ToArray();

    private static int WrongDistances((string Origin, string Destination, float Distance, float Delay)[] rows, Flight[] flights)
    {
        var distances = flights.GroupBy(f => (f.Origin, f.Destination)).ToDictionary(g => g.Key, g => g.Select(f => f.Distance).ToHashSet());
        return rows.Count(r => !distances.TryGetValue((r.Origin, r.Destination), out var seen) || !seen.Contains(r.Distance));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void ARoutesDistanceIsItsTrainingDistanceAndTheDelayStaysTheGenerators(int seed)
    {
        var flights = Flights(seed);
        using var sampler = Train(flights, seed);
        Assert.IsTrue(sampler.KeepDeterminedValues, "on by default");
        var kept = Rows(sampler.Sample(2000, seed: 5));
        sampler.KeepDeterminedValues = false;
        var free = Rows(sampler.Sample(2000, seed: 5));

        Assert.AreEqual(0, WrongDistances(kept, flights), "a route with a distance it never has in training");
        Assert.IsTrue(WrongDistances(free, flights) > 200, $"without KeepDeterminedValues this short training misses the route's distance in {WrongDistances(free, flights)} of 2,000 rows, so the check above can fail");
        CollectionAssert.AreEqual(free.Select(r => (r.Origin, r.Destination, r.Delay)).ToArray(), kept.Select(r => (r.Origin, r.Destination, r.Delay)).ToArray(),
            "only the determined column changes");
    }

    [TestMethod]
    public void ANumberTheCategoriesDoNotQuiteFixIsLeftAlone()
    {
        var flights = Flights(4, spread: true);
        using var sampler = Train(flights, 4);
        var kept = Rows(sampler.Sample(1000, seed: 6));
        sampler.KeepDeterminedValues = false;
        CollectionAssert.AreEqual(Rows(sampler.Sample(1000, seed: 6)), kept, "one origin's routes fly two distances: no rule, so the switch changes nothing");
    }

    [TestMethod]
    public void ARouteAFixedCombinationRepairedTakesItsOwnDistance()
    {
        // With seen pairs off, the generator invents routes and the constraint repairs them: the distance must be the
        // repaired route's, not the invented one's (which has none).
        var flights = Flights(6);
        using var sampler = Train(flights, 6, GanConstraint.FixedCombinations(nameof(Flight.Origin), nameof(Flight.Destination)));
        sampler.KeepSeenPairs = false;
        Assert.AreEqual(0, WrongDistances(Rows(sampler.Sample(2000, seed: 8)), flights));
        sampler.KeepDeterminedValues = false;
        Assert.IsTrue(WrongDistances(Rows(sampler.Sample(2000, seed: 8)), flights) > 200, "without the rule the distances miss (so the check above can fail)");
    }

    [TestMethod]
    public void ASavedAndLoadedModelKeepsItsDeterminedValues()
    {
        var flights = Flights(5);
        using var sampler = Train(flights, 5);
        var ml = new MLContext(5);
        using var stream = new MemoryStream();
        ml.Model.Save(sampler, null, stream);
        stream.Position = 0;
        using var loaded = (GanSampler)ml.Model.Load(stream, out _);
        var rows = Rows(loaded.Sample(1000, seed: 7));
        Assert.AreEqual(0, WrongDistances(rows, flights));
        CollectionAssert.AreEqual(Rows(sampler.Sample(1000, seed: 7)), rows);
    }
}

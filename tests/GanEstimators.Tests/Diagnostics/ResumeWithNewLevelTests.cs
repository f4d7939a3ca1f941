using System.IO.Compression;
using GanEstimators.Tests.Tabular;
using Microsoft.ML;

namespace GanEstimators.Tests.Diagnostics;

/// <summary>
/// Resuming on data with a categorical level the sampler never saw: the sampler resumed from must be left exactly as it
/// was (its levels, its samples, every byte it saves), whatever the resumed training does with the new level.
/// </summary>
[TestClass]
public sealed class ResumeWithNewLevelTests
{
    [TestMethod]
    public void ANewLevelIsAnErrorNamingColumnAndLevelAndTheGivenSamplerIsUnchanged()
    {
        var ml = new MLContext(5);
        var rows = MixedTable.Rows(400, seed: 3);
        var schema = ml.Data.LoadFromEnumerable(rows).Schema;
        using var sampler = ml.Gan().Trainer(MixedTable.Options(1)).Fit(ml.Data.LoadFromEnumerable(rows));
        var before = Snapshot(ml, sampler, schema);

        var error = Assert.ThrowsExactly<ArgumentException>(() => ml.Gan().Trainer(MixedTable.Options(1)).Fit(WithNewCity(ml, rows), sampler));
        StringAssert.Contains(error.Message, "'City'");
        StringAssert.Contains(error.Message, "'Trondheim'");

        before.AssertSameAs(Snapshot(ml, sampler, schema));
    }

    [TestMethod]
    public void ANewLevelOfAPooledColumnTrainsInThePooledSlotAndTheGivenSamplerIsUnchanged()
    {
        var ml = new MLContext(5);
        var rows = MixedTable.Rows(400, seed: 3);
        var schema = ml.Data.LoadFromEnumerable(rows).Schema;
        var options = MixedTable.Options(1);
        options.MaxCategorySlots = 2;
        using var sampler = ml.Gan().Trainer(options).Fit(ml.Data.LoadFromEnumerable(rows));
        var before = Snapshot(ml, sampler, schema);

        using var resumed = ml.Gan().Trainer(options).Fit(WithNewCity(ml, rows), sampler);

        before.AssertSameAs(Snapshot(ml, sampler, schema));
        CollectionAssert.AreEqual(before.Cities, resumed.ValuesOf("City").ToArray(), "the resumed sampler keeps the levels it was trained with");
        CollectionAssert.DoesNotContain(Support.Columns.Read<string>(resumed.Sample(500, seed: 2), "City").Distinct().ToArray(), "Trondheim",
            "the pooled slot decodes to the levels pooled in the first training");

        using var saved = new MemoryStream();
        ml.Model.Save(resumed, schema, saved);
        saved.Position = 0;
        using var loaded = (GanSampler)ml.Model.Load(saved, out _);
        CollectionAssert.AreEqual(Support.Columns.Read<string>(resumed.Sample(200, seed: 3), "City"), Support.Columns.Read<string>(loaded.Sample(200, seed: 3), "City"),
            "the resumed sampler saves and loads (the new level is in no recorded combination)");
    }

    private static IDataView WithNewCity(MLContext ml, MixedTable.Row[] rows) =>
        ml.Data.LoadFromEnumerable(rows.Select((r, i) => new MixedTable.Row
        {
            City = i % 10 == 0 ? "Trondheim" : r.City,
            Temperature = r.Temperature,
            Visitors = r.Visitors,
            Sunny = r.Sunny,
            Day = r.Day,
            Rainfall = r.Rainfall,
        }));

    private sealed record SamplerSnapshot(string[] Cities, string[] SampledCities, Dictionary<string, byte[]> SavedEntries)
    {
        public void AssertSameAs(SamplerSnapshot after)
        {
            CollectionAssert.AreEqual(Cities, after.Cities, "ValuesOf(\"City\") changed");
            CollectionAssert.AreEqual(SampledCities, after.SampledCities, "the seeded sample changed");
            CollectionAssert.AreEquivalent(SavedEntries.Keys.ToArray(), after.SavedEntries.Keys.ToArray());
            foreach (var (name, bytes) in SavedEntries)
                CollectionAssert.AreEqual(bytes, after.SavedEntries[name], $"the saved model's entry '{name}' changed");
        }
    }

    private static SamplerSnapshot Snapshot(MLContext ml, GanSampler sampler, DataViewSchema schema)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(sampler, schema, saved);
        saved.Position = 0;
        using var zip = new ZipArchive(saved, ZipArchiveMode.Read);
        var entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        return new SamplerSnapshot(sampler.ValuesOf("City").ToArray(), Support.Columns.Read<string>(sampler.Sample(300, seed: 4), "City"), entries);
    }
}

using GanEstimators.Augmentation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanEstimators.Tests.Augmentation;

[TestClass]
public sealed class AugmentationLazinessTests
{
    [TestMethod]
    public void NoSyntheticRowIsGeneratedUntilACursorReachesItsChunk()
    {
        var ml = new MLContext(1);
        var chunks = new List<GanSyntheticChunk>();
        var augmented = ml.Gan().Augment(ImbalancedRing.Load(ml), ImbalancedRing.Sampler,
            new GanAugmentationOptions { SyntheticRowCount = 200, ChunkSize = 50, Seed = 1, ChunkGenerated = chunks.Add });

        Assert.AreEqual(ImbalancedRing.RealRowCount + 200L, augmented.GetRowCount());
        Assert.IsEmpty(chunks, "Augment itself generates nothing");

        using (var cursor = augmented.GetRowCursor(augmented.Schema))
        {
            var x = cursor.GetGetter<float>(augmented.Schema["X"]);
            var value = 0f;
            for (var i = 0; i < ImbalancedRing.RealRowCount; i++)
            {
                Assert.IsTrue(cursor.MoveNext());
                x(ref value);
            }
            Assert.IsEmpty(chunks, "reading the real rows generates nothing");

            Assert.IsTrue(cursor.MoveNext());
            x(ref value);
            Assert.HasCount(1, chunks);
            Assert.AreEqual(new GanSyntheticChunk(0, ImbalancedRing.RealRowCount, 50, null, chunks[0].Seed), chunks[0]);
            for (var i = 1; i < 50; i++) Assert.IsTrue(cursor.MoveNext());
            Assert.HasCount(1, chunks, "the rest of the first chunk is already there");
            Assert.IsTrue(cursor.MoveNext());
            Assert.HasCount(2, chunks, "the next chunk is made when the cursor enters it");
            while (cursor.MoveNext()) { }
            CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, chunks.Select(c => c.Index).ToArray());
        }

        chunks.Clear();
        var taken = ml.Data.TakeRows(augmented, ImbalancedRing.RealRowCount);
        Assert.AreEqual(ImbalancedRing.RealRowCount, taken.GetColumn<float>("X").Count());
        Assert.IsEmpty(chunks, "a downstream view that stops after the real rows generates nothing");

        using (var counting = augmented.GetRowCursor(Array.Empty<DataViewSchema.Column>()))
            while (counting.MoveNext()) { }
        Assert.IsEmpty(chunks, "a cursor that reads no column generates nothing");

        ml.Transforms.NormalizeMinMax("X").Fit(augmented);
        Assert.IsNotEmpty(chunks, "fitting downstream generates the rows as it reads them");
        Assert.AreEqual(0, chunks.Count % 4, "whole passes, chunk by chunk");
    }
}

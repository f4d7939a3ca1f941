namespace GanEstimators.Orleans;

/// <summary>How a range of rows is cut into shards: consecutive pieces of <c>shardRows</c> rows, the last one shorter.</summary>
internal static class ShardPlan
{
    public static IReadOnlyList<ShardRequest> Cut(ClusterSamplingRequest sample)
    {
        var count = (sample.Rows + sample.ShardRows - 1) / sample.ShardRows;
        var digits = Math.Max(5, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var shards = new List<ShardRequest>();
        for (long index = 0; index < count; index++)
        {
            var start = sample.Start + index * sample.ShardRows;
            shards.Add(new ShardRequest
            {
                ModelPath = sample.ModelPath,
                Seed = sample.Seed,
                Condition = sample.Condition,
                Conditions = new Dictionary<string, string>(sample.Conditions),
                ShardIndex = checked((int)index),
                Start = start,
                Count = (int)Math.Min(sample.ShardRows, sample.Start + sample.Rows - start),
                OutputDirectory = sample.OutputDirectory,
                FileName = $"part-{index.ToString("D" + digits, System.Globalization.CultureInfo.InvariantCulture)}{PartFormat.Extension}",
            });
        }
        return shards;
    }
}

using GanEstimators.Encoding;

namespace GanEstimators.Conditioning;

/// <summary>Turns the user's column → value conditions into <see cref="SampleConditions"/>, or says which entry is wrong.</summary>
internal static class ConditionRequests
{
    public static SampleConditions Resolve(TableEncoder features, ConditionEncoder? condition, IReadOnlyDictionary<string, string> conditions, string argument)
    {
        int? fixedClass = null;
        var fixedCategories = new List<FixedCategory>();
        foreach (var (column, value) in conditions)
        {
            if (value is null) throw new ArgumentException($"The condition on column '{column}' has no value.", argument);
            if (condition is { } label && column == label.ColumnName)
            {
                fixedClass = label.IndexOf(value);
                continue;
            }
            var index = features.IndexOf(column);
            if (index >= 0 && features.Columns[index] is CategoricalEncoder categorical)
            {
                var (slot, raw) = categorical.Resolve(value);
                fixedCategories.Add(new FixedCategory(index, ConditionalVector.OffsetOf(features, index) + slot, raw));
                continue;
            }
            throw new ArgumentException(
                (condition is null && column.Length == 0 ? "This GAN was trained without a condition column, so it cannot sample a given class. Train with Options.ConditionColumnName set. " : $"Cannot condition on column '{column}'. ") +
                $"Conditions can name {Conditionable(features, condition)}.", argument);
        }
        return new SampleConditions(fixedClass, fixedCategories);
    }

    private static string Conditionable(TableEncoder features, ConditionEncoder? condition)
    {
        var names = features.Columns.OfType<CategoricalEncoder>().Select(c => c.Name).ToList();
        if (condition is not null) names.Insert(0, condition.ColumnName);
        return names.Count == 0 ? "no column: the model has neither a condition column nor categorical features"
            : $"the condition column and categorical features: {string.Join(", ", names.Select(n => $"'{n}'"))}";
    }
}

/// <summary>What every row of a sample must satisfy: the class of a conditional GAN (null: drawn from the training frequencies) and fixed categorical values.</summary>
internal sealed record SampleConditions(int? FixedClass, IReadOnlyList<FixedCategory> FixedCategories);

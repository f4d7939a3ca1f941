using GanEstimators.Encoding;
using GanEstimators.Training;

namespace GanEstimators.Sampling;

/// <summary>Turns the user's column → value conditions into a <see cref="GenerationRequest"/>, or says which entry is wrong.</summary>
internal static class SampleRequests
{
    public static GenerationRequest Resolve(SyntheticRowGenerator generator, IReadOnlyDictionary<string, string> conditions, int count, int seed, string argument)
    {
        int? fixedClass = null;
        var fixedCategories = new List<FixedCategory>();
        foreach (var (column, value) in conditions)
        {
            if (value is null) throw new ArgumentException($"The condition on column '{column}' has no value.", argument);
            if (generator.Condition is { } label && column == label.ColumnName)
            {
                fixedClass = label.IndexOf(value);
                continue;
            }
            var index = generator.Features.IndexOf(column);
            if (index >= 0 && generator.Features.Columns[index] is CategoricalEncoder categorical)
            {
                var (slot, raw) = categorical.Resolve(value);
                fixedCategories.Add(new FixedCategory(index, CategoryConditions.ConditionOffsetOf(generator.Features, index) + slot, raw));
                continue;
            }
            throw new ArgumentException(
                (generator.Condition is null && column.Length == 0 ? "This GAN was trained without a condition column, so it cannot sample a given class. Train with Options.ConditionColumnName set. " : $"Cannot condition on column '{column}'. ") +
                $"Conditions can name {Conditionable(generator)}.", argument);
        }
        var classes = generator.Condition is { } encoder ? ChooseClasses(encoder, count, fixedClass, seed) : null;
        return new GenerationRequest(classes, fixedCategories);
    }

    private static string Conditionable(SyntheticRowGenerator generator)
    {
        var names = generator.Features.Columns.OfType<CategoricalEncoder>().Select(c => c.Name).ToList();
        if (generator.Condition is { } condition) names.Insert(0, condition.ColumnName);
        return names.Count == 0 ? "no column: the model has neither a condition column nor categorical features"
            : $"the condition column and categorical features: {string.Join(", ", names.Select(n => $"'{n}'"))}";
    }

    private static int[] ChooseClasses(ConditionEncoder encoder, int count, int? fixedClass, int seed)
    {
        if (fixedClass is { } k) return Enumerable.Repeat(k, count).ToArray();
        var random = new Random(seed);
        var cumulative = CumulativeWeights.Of(encoder.Frequencies);
        return Enumerable.Range(0, count).Select(_ => CumulativeWeights.Draw(cumulative, random)).ToArray();
    }
}

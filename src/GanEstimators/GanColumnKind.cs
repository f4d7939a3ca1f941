namespace GanEstimators;

/// <summary>What the values of a column are, as <c>InferColumns</c> found them.</summary>
public enum GanColumnKind
{
    /// <summary>Whole numbers, none missing (a CSV column reads as Int64; in a data view, any integer type).</summary>
    WholeNumber,

    /// <summary>Numbers (a CSV column reads as Single, an empty field as NaN, a missing value); whole numbers with some missing are numbers too.</summary>
    Number,

    /// <summary>ISO dates or date-times (<c>yyyy-MM-dd</c>, optionally <c>THH:mm[:ss]</c>), or DateTime.</summary>
    Date,

    /// <summary>true/false (any letter case); a CSV column reads as text so that a missing value is a category of its own.</summary>
    Boolean,

    /// <summary>Any other text.</summary>
    Text,

    /// <summary>A UInt32 key column (data views only).</summary>
    Key,

    /// <summary>A known-size vector of Single (data views only).</summary>
    Vector,

    /// <summary>A type the trainer does not take (data views only).</summary>
    Other,
}

/// <summary>What <c>InferColumns</c> decided to do with a column.</summary>
public enum GanColumnPurpose
{
    /// <summary>A feature the GAN imitates as a number (mode-specific normalisation; dates with their place in the year).</summary>
    NumericFeature,

    /// <summary>A feature the GAN imitates as a category (one-hot).</summary>
    CategoricalFeature,

    /// <summary>The condition column the user named (<see cref="GanTrainer.Options.ConditionColumnName"/>).</summary>
    Condition,

    /// <summary>Left out of the model (an ID, every value missing, a type the trainer does not take, or named by the user).</summary>
    Ignored,
}

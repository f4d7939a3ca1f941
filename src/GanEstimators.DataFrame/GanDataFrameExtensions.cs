using Microsoft.ML;

namespace GanEstimators;

/// <summary>Training from and sampling into Microsoft.Data.Analysis DataFrames.</summary>
public static class GanDataFrameExtensions
{
    /// <summary>
    /// Trains on the DataFrame's rows, read as <see cref="DataFrameLoading.LoadFromDataFrame"/> reads them (string
    /// columns categorical, nulls missing). Named apart from <see cref="GanTrainer.Fit(IDataView)"/> because a
    /// DataFrame is an <see cref="IDataView"/> itself, and C# would pick that method, where a null integer reads as 0 and a null bool as false.
    /// </summary>
    public static GanSampler FitDataFrame(this GanTrainer trainer, Microsoft.Data.Analysis.DataFrame dataFrame)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        return trainer.Fit(DataFrameLoading.FromDataFrame(dataFrame));
    }

    /// <summary>
    /// <see cref="GanSampler.Sample(int, string?, int?)"/> read into a DataFrame: the same rows, in the training
    /// schema's column types. Missing values come back as nulls in text and DateTime columns, as NaN in number columns.
    /// </summary>
    public static Microsoft.Data.Analysis.DataFrame SampleDataFrame(this GanSampler sampler, int count, string? condition = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return DataViewToDataFrame.Read(sampler.Sample(count, condition, seed));
    }

    /// <summary>
    /// <see cref="GanSampler.Sample(int, IReadOnlyDictionary{string, string}, int?)"/> read into a DataFrame: the same
    /// rows, each satisfying every condition (column name → value).
    /// </summary>
    public static Microsoft.Data.Analysis.DataFrame SampleDataFrame(this GanSampler sampler, int count, IReadOnlyDictionary<string, string> conditions, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return DataViewToDataFrame.Read(sampler.Sample(count, conditions, seed));
    }

    /// <summary>Any <see cref="IDataView"/> of scalar columns (a transformed or augmented view) read into a DataFrame, with the same missing-value rules as <c>SampleDataFrame</c>.</summary>
    public static Microsoft.Data.Analysis.DataFrame ReadIntoDataFrame(this IDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return DataViewToDataFrame.Read(data);
    }
}

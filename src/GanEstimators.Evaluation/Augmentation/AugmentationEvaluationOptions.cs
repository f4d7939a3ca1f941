using Microsoft.ML;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>What <c>mlContext.Gan().EvaluateAugmentation</c> compares, on which folds, scored how.</summary>
public sealed class AugmentationEvaluationOptions
{
    /// <summary>The class column: what the downstream estimator predicts, what the folds are stratified on and what the GAN is conditioned on. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>
    /// The column the fitted downstream estimator writes its predicted class to: a key with key values (as
    /// <c>MapValueToKey</c> + a multiclass trainer make it) or a column of the label's own type. Default <c>PredictedLabel</c>.
    /// </summary>
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>
    /// How the GAN of each fold is trained. Left empty, <see cref="GanTrainer.Options.FeatureColumnNames"/> becomes
    /// every column but the label and <see cref="GanTrainer.Options.ConditionColumnName"/> the label; a condition
    /// column other than the label is refused. Columns left out of the feature names are copied into each GAN row from
    /// a random real training row of its class (as oversampling copies them). A null
    /// <see cref="GanTrainer.Options.Seed"/> takes one from <see cref="Seed"/>, the repeat and the fold. The object is
    /// copied, never changed.
    /// </summary>
    public GanTrainer.Options GanOptions { get; set; } = new();

    /// <summary>Folds of the stratified cross-validation, at least 2. Default 5.</summary>
    public int NumberOfFolds { get; set; } = 5;

    /// <summary>
    /// Repeats of the k-fold cross-validation, at least 1: each repeat deals the rows to new stratified folds drawn from
    /// <see cref="Seed"/> (the first repeat's folds are those of a single run) and trains a GAN inside every fold on that
    /// fold's training rows only, so it costs <see cref="NumberOfFolds"/> × repeats GAN trainings. The scores of all
    /// k × r folds are kept and compared by the corrected resampled t-test (<see cref="PairedComparison.CorrectedPValue"/>);
    /// more repeats tighten it where the folds' spread, not the methods' difference, decides. Default 1.
    /// </summary>
    public int NumberOfRepeats { get; set; } = 1;

    /// <summary>
    /// How many rows each augmentation adds, one evaluation per ratio; see <see cref="Sizing"/>. Every ratio is
    /// positive; with <see cref="AugmentationSizing.BalanceClasses"/> at most 1. Default 0.25, 0.5, 1.
    /// </summary>
    public double[] Ratios { get; set; } = { 0.25, 0.5, 1 };

    /// <summary>What a ratio means. Default <see cref="AugmentationSizing.BalanceClasses"/>.</summary>
    public AugmentationSizing Sizing { get; set; } = AugmentationSizing.BalanceClasses;

    /// <summary>The score every method is compared on. Default <see cref="AugmentationMetric.MacroF1"/>.</summary>
    public AugmentationMetric Metric { get; set; } = AugmentationMetric.MacroF1;

    /// <summary>
    /// The class whose recall <see cref="AugmentationMetric.MinorityClassRecall"/> measures (invariant text form).
    /// Null takes the label's least frequent class in the data (the first in ordinal order on a tie).
    /// </summary>
    public string? MinorityClass { get; set; }

    /// <summary>Nearest neighbours (within the class) each SMOTE row may interpolate towards. Default 5, as imbalanced-learn.</summary>
    public int SmoteNeighbors { get; set; } = 5;

    /// <summary>Seed of the folds, the copies, the interpolations and the GAN rows. Null takes one from the <c>MLContext</c>.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Builds the downstream estimator once more, with its trainer reading per-row weights from the column named by the
    /// argument (set the trainer's <c>ExampleWeightColumnName</c> to it, e.g.
    /// <c>w =&gt; DownstreamClassifiers.Linear(ml, data.Schema, "Label", w)</c>): the class-weights baseline, trained on the
    /// real rows alone with each row weighted by (rows ÷ (classes × rows of its class)) in the fold's training rows, so
    /// the weights average 1. An ML.NET trainer's weight column is fixed when it is built, so the evaluation cannot add
    /// weights to the estimator it is given; null (the default) leaves this baseline out of the table. The column is a
    /// Single column added to the training rows under a name not in the data; it is absent from the held-out rows.
    /// </summary>
    public Func<string, IEstimator<ITransformer>>? ClassWeightedEstimator { get; set; }

    /// <summary>Called after each fold's GAN is trained, with the rows it was trained on: progress reporting, or proof that the held-out rows stay out.</summary>
    public Action<AugmentationFoldGan>? GanTrained { get; set; }
}

/// <summary>How <see cref="AugmentationEvaluationOptions.Ratios"/> turn into added rows; every method adds the same rows of each class.</summary>
public enum AugmentationSizing
{
    /// <summary>
    /// Each class with fewer rows than the ratio times the largest class's rows (in the fold's training rows, rounded)
    /// gets rows up to that count, as <see cref="GanEstimators.Augmentation.GanAugmentationOptions.BalanceRatio"/>:
    /// 1 balances fully.
    /// </summary>
    BalanceClasses,

    /// <summary>The ratio times the fold's training rows are added (rounded), shared among the classes in their training proportions.</summary>
    ShareOfRows,
}

/// <summary>The downstream score of a fold.</summary>
public enum AugmentationMetric
{
    /// <summary>The mean over classes (seen in the held-out rows or the predictions) of each class's F1, as scikit-learn's <c>average='macro'</c>.</summary>
    MacroF1,

    /// <summary>The share of held-out rows of <see cref="AugmentationEvaluationOptions.MinorityClass"/> predicted as that class.</summary>
    MinorityClassRecall,
}

/// <summary>A fold's GAN, just trained.</summary>
/// <param name="Fold">The fold's index within its repeat, from 0; the fold is <c>FoldTestRows[Repeat × NumberOfFolds + Fold]</c> of the result.</param>
/// <param name="TrainingRows">Positions (from 0) in the evaluated data of the rows the GAN was trained on: the fold's training rows, none of its held-out ones.</param>
/// <param name="Sampler">The GAN; it is disposed after the fold.</param>
public sealed record AugmentationFoldGan(int Fold, IReadOnlyList<int> TrainingRows, GanSampler Sampler)
{
    /// <summary>The repeat of the cross-validation this fold belongs to, from 0 (<see cref="AugmentationEvaluationOptions.NumberOfRepeats"/>).</summary>
    public int Repeat { get; init; }
}

using Microsoft.ML;

namespace GanEstimators.Evaluation.Augmentation;

/// <summary>
/// One of several downstream estimators evaluated on the same folds and the same added rows (one GAN per fold for
/// all of them): the joint form of <c>EvaluateAugmentation</c>.
/// </summary>
/// <param name="Name">A name for the estimator, unique among those evaluated together; printed with its table.</param>
/// <param name="Estimator">The downstream pipeline, fitted afresh on every training set; it writes the predicted class to <see cref="AugmentationEvaluationOptions.PredictedLabelColumnName"/>.</param>
/// <param name="ClassWeightedEstimator">The same pipeline reading example weights from the named column, for the class-weights baseline, as <see cref="AugmentationEvaluationOptions.ClassWeightedEstimator"/>; null leaves that baseline out for this estimator.</param>
public sealed record AugmentationDownstream(string Name, IEstimator<ITransformer> Estimator, Func<string, IEstimator<ITransformer>>? ClassWeightedEstimator = null);

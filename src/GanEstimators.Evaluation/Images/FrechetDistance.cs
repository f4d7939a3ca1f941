using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators.Evaluation.Images;

/// <summary>
/// The Fréchet distance between two Gaussians fitted to feature sets, as in FID (Heusel et al. 2017):
/// ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½). Computed in float64.
/// </summary>
public static class FrechetDistance
{
    /// <summary>The distance between the Gaussians fitted (mean and unbiased covariance) to two sets of feature rows.</summary>
    /// <param name="first">One feature vector per row; at least two rows.</param>
    /// <param name="second">Another set with the same number of columns; at least two rows.</param>
    /// <exception cref="ArgumentException">A set has fewer than two rows, a non-finite value, or a different number of columns than the other.</exception>
    public static double Compute(float[,] first, float[,] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Check(first, nameof(first));
        Check(second, nameof(second));
        if (first.GetLength(1) != second.GetLength(1))
            throw new ArgumentException($"The feature sets have {first.GetLength(1)} and {second.GetLength(1)} columns; they must have the same.", nameof(second));
        using var scope = NewDisposeScope();
        var (mean1, covariance1) = MeanAndCovariance(tensor(first).to_type(ScalarType.Float64));
        var (mean2, covariance2) = MeanAndCovariance(tensor(second).to_type(ScalarType.Float64));
        return Between(mean1, covariance1, mean2, covariance2);
    }

    /// <summary>The distance between two Gaussians given by their means and (symmetric, positive semi-definite) covariances.</summary>
    /// <exception cref="ArgumentException">The means and covariances do not all have the same dimension, or a covariance is not square.</exception>
    public static double BetweenGaussians(double[] mean1, double[,] covariance1, double[] mean2, double[,] covariance2)
    {
        ArgumentNullException.ThrowIfNull(mean1);
        ArgumentNullException.ThrowIfNull(covariance1);
        ArgumentNullException.ThrowIfNull(mean2);
        ArgumentNullException.ThrowIfNull(covariance2);
        var dimension = mean1.Length;
        if (dimension == 0) throw new ArgumentException("The Gaussians need at least one dimension.", nameof(mean1));
        if (mean2.Length != dimension) throw new ArgumentException($"mean2 has {mean2.Length} values; mean1 has {dimension}.", nameof(mean2));
        foreach (var (covariance, name) in new[] { (covariance1, nameof(covariance1)), (covariance2, nameof(covariance2)) })
            if (covariance.GetLength(0) != dimension || covariance.GetLength(1) != dimension)
                throw new ArgumentException($"{name} is {covariance.GetLength(0)}×{covariance.GetLength(1)}; the means have {dimension} values, so it must be {dimension}×{dimension}.", name);
        using var scope = NewDisposeScope();
        return Between(tensor(mean1), tensor(covariance1), tensor(mean2), tensor(covariance2));
    }

    private static (Tensor Mean, Tensor Covariance) MeanAndCovariance(Tensor rows)
    {
        var mean = rows.mean(new long[] { 0 });
        var centred = rows - mean;
        using var degreesOfFreedom = (rows.shape[0] - 1).ToScalar();
        return (mean, centred.T.matmul(centred).div(degreesOfFreedom));
    }

    /// <remarks>
    /// Tr((Σ₁Σ₂)^½) equals Tr((Σ₁^½ Σ₂ Σ₁^½)^½), and Σ₁^½ Σ₂ Σ₁^½ is symmetric positive semi-definite, so the trace is
    /// the sum of the square roots of its eigenvalues: symmetric eigen-decompositions only, which stay stable for
    /// the nearly singular covariances of ReLU features, where the general square root of Σ₁Σ₂ can turn complex.
    /// Eigenvalues that rounding pushes below zero are clamped to zero.
    /// </remarks>
    private static double Between(Tensor mean1, Tensor covariance1, Tensor mean2, Tensor covariance2)
    {
        var squareRoot1 = SymmetricSquareRoot(covariance1);
        var product = squareRoot1.matmul(covariance2).matmul(squareRoot1);
        var traceOfRoot = linalg.eigvalsh(product.Plus(product.T) * TorchScalars.Half).clamp_min(TorchScalars.Zero).sqrt().sum();
        var difference = mean1 - mean2;
        var distance = difference.mul(difference).sum().Plus(covariance1.trace()).Plus(covariance2.trace()) - traceOfRoot * TorchScalars.Two;
        // A distance of identical sets can come out a rounding error below zero.
        return Math.Max(0, distance.item<double>());
    }

    private static Tensor SymmetricSquareRoot(Tensor matrix)
    {
        var (values, vectors) = linalg.eigh(matrix.Plus(matrix.T).div(TorchScalars.Two));
        return (vectors * values.clamp_min(TorchScalars.Zero).sqrt()).matmul(vectors.T);
    }

    private static void Check(float[,] rows, string name)
    {
        if (rows.GetLength(0) < 2) throw new ArgumentException($"{name} has {rows.GetLength(0)} rows; a covariance needs at least two.", name);
        if (rows.GetLength(1) == 0) throw new ArgumentException($"{name} has no columns.", name);
        foreach (var value in rows)
            if (!float.IsFinite(value)) throw new ArgumentException($"{name} holds a NaN or infinite value.", name);
    }
}

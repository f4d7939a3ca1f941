namespace GanEstimators.Encoding;

/// <summary>
/// Small symmetric matrices (a few dozen rows) as row-major <c>double[]</c>: the eigen-decomposition by cyclic Jacobi
/// rotations and the functions of a matrix built from it, for <see cref="NormalScoreCorrelations"/>.
/// </summary>
internal static class SymmetricMatrix
{
    /// <summary>The eigenvalues and the eigenvectors (the columns of a row-major n × n matrix) of a symmetric matrix.</summary>
    public static (double[] Values, double[] Vectors) Eigen(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var v = Identity(n);
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
            if (off < 1e-30) break;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p * n + q];
                    if (apq == 0) continue;
                    var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
        }
        return (Enumerable.Range(0, n).Select(i => a[i * n + i]).ToArray(), v);
    }

    /// <summary>f applied to a symmetric matrix's eigenvalues: V · diag(f(λ)) · Vᵀ.</summary>
    public static double[] Apply(double[] matrix, int n, Func<double, double> f)
    {
        var (values, vectors) = Eigen(matrix, n);
        return FromEigen(values, vectors, n, f);
    }

    /// <summary>V · diag(f(λ)) · Vᵀ from an eigen-decomposition (<see cref="Eigen"/>).</summary>
    public static double[] FromEigen(double[] values, double[] vectors, int n, Func<double, double> f)
    {
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++) sum += vectors[i * n + k] * f(values[k]) * vectors[j * n + k];
                result[i * n + j] = sum;
            }
        return result;
    }

    /// <summary>The smallest eigenvalue.</summary>
    public static double SmallestEigenvalue(double[] matrix, int n) => Eigen(matrix, n).Values.Min();

    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var aik = a[i * n + k];
                for (var j = 0; j < n; j++) result[i * n + j] += aik * b[k * n + j];
            }
        return result;
    }

    /// <summary>(A + Aᵀ) / 2: a product of symmetric matrices that should be symmetric, made so exactly (Jacobi reads one triangle).</summary>
    public static double[] Symmetrised(double[] matrix, int n)
    {
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) result[i * n + j] = (matrix[i * n + j] + matrix[j * n + i]) / 2;
        return result;
    }

    public static double[] Identity(int n)
    {
        var identity = new double[n * n];
        for (var i = 0; i < n; i++) identity[i * n + i] = 1;
        return identity;
    }
}

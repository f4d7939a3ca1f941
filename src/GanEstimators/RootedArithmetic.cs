using TorchSharp;
using static TorchSharp.torch;

namespace GanEstimators;

/// <summary>
/// Addition whose alpha is a rooted scalar. TorchSharp's <c>a + b</c> and <c>a + s</c> (and <c>s - a</c>, which adds
/// s to −a) call <c>add(b, alpha: 1)</c> with an alpha it creates on the spot, which a garbage collection can free
/// while the native call still reads it (see <see cref="TorchScalars"/>): two flights-20k training runs crashed that
/// way in <c>logits + gumbel</c>. Subtraction takes no alpha, so <c>a - b</c> is safe. Training code adds with these.
/// </summary>
internal static class RootedArithmetic
{
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, TorchScalars.One);

    public static Tensor Plus(this Tensor left, Scalar right) => left.add(right, TorchScalars.One);
}

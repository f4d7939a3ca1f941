using GanEstimators.Losses;
using GanEstimators.Networks;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanEstimators.Tests.Images;

[TestClass]
public sealed class DcganLearningTests
{
    private const int Batch = 8;
    private const int Noise = 16;
    private const int Classes = 3;
    private static readonly ImageShape Digit = new(1, 28, 28);

    [TestMethod]
    [DataRow((int)DiscriminatorNormalisation.None)]
    [DataRow((int)DiscriminatorNormalisation.BatchNorm)]
    [DataRow((int)DiscriminatorNormalisation.Spectral)]
    public void AGeneratorStepThroughAPackedConditionalDiscriminatorReachesEveryParameter(int normalisation)
    {
        torch.random.manual_seed(1);
        using var generator = new DcganGenerator(new DcganGeneratorSpec(Digit, Noise, Classes, 5, 8));
        using var discriminator = Discriminator(Classes, pac: 2, (DiscriminatorNormalisation)normalisation);
        using var _ = NewDisposeScope();
        var conditions = DcganShapeTests.Condition(Batch, Classes)!;

        var fake = tanh(generator.forward(randn(Batch, Noise), conditions));
        var scores = discriminator.forward(fake.reshape(Batch / 2, -1), conditions.reshape(Batch / 2, -1));
        scores.mean().backward();

        AssertEveryParameterHasAGradient(generator);
        AssertEveryParameterHasAGradient(discriminator);
    }

    [TestMethod]
    [DataRow((int)DiscriminatorNormalisation.None)]
    [DataRow((int)DiscriminatorNormalisation.Spectral)]
    public void ACriticStepWithTheGradientPenaltyReachesEveryParameter(int normalisation)
    {
        torch.random.manual_seed(2);
        using var critic = Discriminator(Classes, pac: 1, (DiscriminatorNormalisation)normalisation);
        using var _ = NewDisposeScope();
        var conditions = DcganShapeTests.Condition(Batch, Classes)!;
        var real = rand(Batch, Digit.Size) * 2 - 1;
        var fake = rand(Batch, Digit.Size) * 2 - 1;
        var loss = new WassersteinGradientPenaltyLoss(10);

        // Two training forwards before one backward: spectral norm must not have overwritten what the first needs.
        var critique = loss.DiscriminatorLoss(critic.forward(real, conditions), critic.forward(fake, conditions));
        var penalty = loss.Penalty(x => critic.forward(x, conditions), real, fake, null)!;
        (critique + penalty).backward();

        // The output bias adds the same constant to real and fake scores, so the Wasserstein loss cancels it exactly.
        AssertEveryParameterHasAGradient(critic, except: name => name.StartsWith("output.") && name.EndsWith("bias"));
    }

    [TestMethod]
    public void TheDiscriminatorLearnsToTellTwoConstantImagesApart()
    {
        torch.random.manual_seed(3);
        using var discriminator = Discriminator(0, pac: 1, DiscriminatorNormalisation.BatchNorm);
        using var optimizer = optim.Adam(discriminator.parameters(), 1e-3, 0.5, 0.999);
        var real = full(Batch, Digit.Size, 0.5f);
        var fake = full(Batch, Digit.Size, -0.5f);
        var loss = new NonSaturatingLoss();

        var steps = 0;
        double last;
        do
        {
            using var _ = NewDisposeScope();
            var value = loss.DiscriminatorLoss(discriminator.forward(real, null), discriminator.forward(fake, null));
            optimizer.zero_grad();
            value.backward();
            optimizer.step();
            last = value.item<float>();
        } while (++steps < 100 && last > 0.05);

        discriminator.eval();
        using var __ = no_grad();
        Assert.IsLessThan(0.05, last, $"loss after {steps} steps");
        Assert.IsTrue((discriminator.forward(real, null) > 0).all().item<bool>());
        Assert.IsTrue((discriminator.forward(fake, null) < 0).all().item<bool>());
    }

    [TestMethod]
    public void TheGeneratorLearnsToDrawAGivenImage()
    {
        torch.random.manual_seed(4);
        var image = new ImageShape(1, 8, 8);
        using var generator = new DcganGenerator(new DcganGeneratorSpec(image, Noise, 0, 0, 8));
        using var optimizer = optim.Adam(generator.parameters(), 5e-3);
        // A diagonal stripe in (−1, 1): every pixel has to be placed by the upsampling path.
        var target = (eye(8) * 1.6f - 0.8f).reshape(1, -1).expand(Batch, -1);

        var steps = 0;
        double last;
        do
        {
            using var _ = NewDisposeScope();
            var error = F.mse_loss(tanh(generator.forward(randn(Batch, Noise), null)), target);
            optimizer.zero_grad();
            error.backward();
            optimizer.step();
            last = error.item<float>();
        } while (++steps < 100 && last > 0.01);

        generator.eval();
        using var __ = no_grad();
        Assert.IsLessThan(0.02, F.mse_loss(tanh(generator.forward(randn(Batch, Noise), null)), target).item<float>(), $"after {steps} steps");
    }

    private static DcganDiscriminator Discriminator(int conditionWidth, int pac, DiscriminatorNormalisation normalisation) =>
        new(new DcganDiscriminatorSpec(Digit, conditionWidth, 8, pac, normalisation));

    private static void AssertEveryParameterHasAGradient(nn.Module module, Func<string, bool>? except = null)
    {
        foreach (var (name, parameter) in module.named_parameters())
        {
            Assert.IsNotNull(parameter.grad, $"{name} has no gradient");
            if (except?.Invoke(name) != true)
                Assert.IsTrue(parameter.grad.abs().sum().item<float>() > 0, $"{name} has an all-zero gradient");
        }
    }
}

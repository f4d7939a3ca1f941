using GanEstimators.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanEstimators.Tests.Training;

/// <summary>
/// The trainer's own Adam and RMSprop steps (which hold their scalars through each native call) must update exactly as
/// TorchSharp's do, so that seeded results stay what they were; a TorchSharp upgrade that changes its steps fails here.
/// </summary>
[TestClass]
public sealed class RootedOptimizerTests
{
    [TestMethod]
    [DataRow(0.5, 0.999, DisplayName = "Adam, DCGAN betas")]
    [DataRow(0.0, 0.9, DisplayName = "Adam, hinge betas")]
    [DataRow(0.9, 0.99, DisplayName = "Adam, the image classifier's betas")]
    public void AdamStepsAreBitIdenticalToTorchSharps(double beta1, double beta2) =>
        AssertSameSteps(
            parameters => new Adam(parameters, 2e-4, beta1, beta2),
            parameters => new GanEstimators.Training.RootedOptimizers.Adam(parameters, 2e-4, beta1, beta2));

    [TestMethod]
    public void RmsPropStepsAreBitIdenticalToTorchSharps() =>
        AssertSameSteps(
            parameters => new RMSProp(parameters, 5e-5),
            parameters => new GanEstimators.Training.RootedOptimizers.RMSProp(parameters, 5e-5));

    [TestMethod]
    public void SavedStatesAreInterchangeableWithTorchSharpsOptimisers()
    {
        // A saved training state names its optimiser by class name: models saved before the rooted steps must resume
        // with them, and models saved now must still load in library versions that use TorchSharp's optimisers.
        using var network = Network();
        var parameters = network.parameters().ToArray();
        using var torchSharpAdam = new Adam(parameters, 2e-4, 0.5, 0.999);
        using var rootedAdam = new GanEstimators.Training.RootedOptimizers.Adam(parameters, 2e-4, 0.5, 0.999);
        using var torchSharpRmsProp = new RMSProp(parameters, 5e-5);
        using var rootedRmsProp = new GanEstimators.Training.RootedOptimizers.RMSProp(parameters, 5e-5);
        foreach (var (from, to) in new (OptimizerHelper, OptimizerHelper)[]
                 { (torchSharpAdam, rootedAdam), (rootedAdam, torchSharpAdam), (torchSharpRmsProp, rootedRmsProp), (rootedRmsProp, torchSharpRmsProp) })
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) from.save_state_dict(writer);
            stream.Position = 0;
            using var reader = new BinaryReader(stream);
            to.load_state_dict(reader);
        }
    }

    private static void AssertSameSteps(Func<Parameter[], optim.Optimizer> reference, Func<Parameter[], optim.Optimizer> rooted)
    {
        using var expected = Network();
        using var actual = Network();
        using var expectedOptimizer = reference(expected.parameters().ToArray());
        using var actualOptimizer = rooted(actual.parameters().ToArray());
        using var random = new torch.Generator(3);
        using var inputs = torch.randn(new long[] { 64, 5 }, generator: random);

        for (var step = 0; step < 20; step++)
        {
            if (step == 10)
            {
                // A new rate mid-run, as a schedule sets it.
                foreach (var optimizer in new[] { expectedOptimizer, actualOptimizer })
                    foreach (var group in ((OptimizerHelper)optimizer).ParamGroups) group.LearningRate = 1e-3;
            }
            Step(expected, expectedOptimizer, inputs);
            Step(actual, actualOptimizer, inputs);
        }

        foreach (var ((name, want), (_, got)) in expected.named_parameters().Zip(actual.named_parameters()))
            CollectionAssert.AreEqual(want.data<float>().ToArray(), got.data<float>().ToArray(), name);
    }

    private static nn.Module<Tensor, Tensor> Network() =>
        GlobalTorchRandom.Seeded(11, () => nn.Sequential(nn.Linear(5, 16), nn.Tanh(), nn.Linear(16, 1)));

    private static void Step(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor inputs)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        network.forward(inputs).pow(2).mean().backward();
        optimizer.step();
    }
}

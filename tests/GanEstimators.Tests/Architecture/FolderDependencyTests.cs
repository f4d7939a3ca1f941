using Mono.Cecil;

namespace GanEstimators.Tests.Architecture;

[TestClass]
public sealed class FolderDependencyTests
{
    [TestMethod]
    public void EveryFolderUsesOnlyTheFoldersBeforeIt()
    {
        using var module = ModuleDefinition.ReadModule(typeof(GanTrainer).Assembly.Location);
        var backEdges = FolderLayers.References(module)
            .Select(r => (r.From, r.To, FromLayer: FolderLayers.LayerOf(r.From), ToLayer: FolderLayers.LayerOf(r.To)))
            .Where(r => r.FromLayer != "") // <Module>, <PrivateImplementationDetails>: the compiler's own
            .Where(r => Array.IndexOf(FolderLayers.Order, r.ToLayer) > Array.IndexOf(FolderLayers.Order, r.FromLayer))
            .GroupBy(r => (r.FromLayer, r.ToLayer))
            .Select(g => $"{g.Key.FromLayer} → {g.Key.ToLayer}: {string.Join(", ", g.Select(r => $"{Short(r.From)} uses {Short(r.To)}").Distinct().Take(6))}")
            .ToArray();
        Assert.AreEqual(0, backEdges.Length, "Folders that use a later folder (docs/architecture.md gives the order):\n" + string.Join("\n", backEdges));
    }

    [TestMethod]
    public void EveryNamespaceHasAPlaceInTheOrder()
    {
        using var module = ModuleDefinition.ReadModule(typeof(GanTrainer).Assembly.Location);
        var unplaced = module.GetTypes().Where(t => t.Namespace.StartsWith("GanEstimators", StringComparison.Ordinal) || t.DeclaringType is not null)
            .Select(FolderLayers.LayerOf).Where(l => l != "" && !FolderLayers.Order.Contains(l)).Distinct().ToArray();
        CollectionAssert.AreEqual(Array.Empty<string>(), unplaced, "Namespaces missing from FolderLayers.Order: " + string.Join(", ", unplaced));
    }

    [TestMethod]
    public void TheCheckSeesABackEdge()
    {
        // The check itself must be able to fail: Training uses Encoding, which comes before it; read backwards, the
        // order must make that reference a back-edge.
        using var module = ModuleDefinition.ReadModule(typeof(GanTrainer).Assembly.Location);
        var reversed = FolderLayers.Order.Reverse().ToArray();
        var found = FolderLayers.References(module).Any(r =>
            FolderLayers.LayerOf(r.From) == "Training" && FolderLayers.LayerOf(r.To) == "Encoding" &&
            Array.IndexOf(reversed, "Encoding") > Array.IndexOf(reversed, "Training"));
        Assert.IsTrue(found, "expected Training to use Encoding");
    }

    private static string Short(TypeReference type) => type.DeclaringType is { } d ? Short(d) + "." + type.Name : type.Name;
}

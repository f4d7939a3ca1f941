namespace GanEstimators.FuzzTests;

/// <summary>
/// Test categories for <c>dotnet test --filter</c>: every fuzz test is <see cref="Slow"/> (each case trains or loads
/// models), so <c>--filter "TestCategory!=Slow"</c> skips this project.
/// </summary>
public static class TestCategories
{
    public const string Slow = "Slow";
}

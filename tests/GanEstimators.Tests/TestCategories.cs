namespace GanEstimators.Tests;

/// <summary>
/// Test categories for <c>dotnet test --filter</c>. <see cref="Slow"/> marks the tests that dominate the suite's time
/// (long trainings, the ganest process runs); <c>--filter "TestCategory!=Slow"</c> runs the rest in under a minute.
/// </summary>
public static class TestCategories
{
    public const string Slow = "Slow";
}

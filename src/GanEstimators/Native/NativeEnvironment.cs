namespace GanEstimators.Native;

/// <summary>Environment variables that libtorch and its libraries read from the C library's copy of the environment.</summary>
internal static class NativeEnvironment
{
    /// <summary>True when the user (or the parent process) set <paramref name="name"/> to a non-empty value.</summary>
    public static bool IsSet(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));
}

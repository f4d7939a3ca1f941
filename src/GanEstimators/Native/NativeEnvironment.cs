using System.Runtime.InteropServices;

namespace GanEstimators.Native;

/// <summary>Environment variables that libtorch and its libraries read from the C library's copy of the environment.</summary>
internal static class NativeEnvironment
{
    /// <summary>True when the user (or the parent process) set <paramref name="name"/> to a non-empty value.</summary>
    public static bool IsSet(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));

    // .NET keeps its own copy of the environment on Unix; libtorch's getenv reads the C library's, so set both.
    public static bool TrySet(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows()) return true;
        try
        {
            return (OperatingSystem.IsLinux() ? LinuxSetEnv(name, value, 1) : UnixSetEnv(name, value, 1)) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "setenv")]
    private static extern int LinuxSetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int UnixSetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}

// Compiled into projects with <PublicizeMlNet>true</PublicizeMlNet> (see PublicizeMlNet.targets).
// The compiler sees publicized copies of these ML.NET assemblies; at run time CoreCLR loads the real
// ones and, because of this attribute, skips the visibility checks for them (dotnet/runtime#37875).
// Without it, loading a type that overrides an ML.NET internal member fails with a TypeLoadException.
#pragma warning disable CS0436 // Another assembly with InternalsVisibleTo may declare the same internal type.

[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Core")]
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Data")]

namespace System.Runtime.CompilerServices
{
    /// <summary>Read by CoreCLR: lets this assembly access non-public members of the named assembly.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    internal sealed class IgnoresAccessChecksToAttribute : Attribute
    {
        /// <summary>Creates the attribute for the assembly with the given simple name.</summary>
        public IgnoresAccessChecksToAttribute(string assemblyName) => AssemblyName = assemblyName;

        /// <summary>Simple name of the assembly whose access checks are skipped.</summary>
        public string AssemblyName { get; }
    }
}

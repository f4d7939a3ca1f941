using Mono.Cecil;
using Mono.Cecil.Cil;

namespace GanEstimators.Tests.Architecture;

/// <summary>
/// Finds code that hands libtorch a TorchSharp <c>Scalar</c> nothing keeps alive. TorchSharp turns a C# number into a
/// native scalar freed only by its finalizer, so a garbage collection on another thread can free it while the native
/// call still reads it (the library's <c>TorchScalars</c> says more). Read from the compiled IL of TorchSharp and of
/// the assembly checked, so a TorchSharp upgrade is checked too.
/// <para>
/// A scalar is held when the instruction after the one that makes it stores it in a field, or in a local the method
/// later disposes (<c>using var</c>). A TorchSharp method is a maker when it makes a scalar it does not hold, or calls
/// (or makes a delegate of) a maker; a TorchSharp module or optimiser is one when its <c>forward</c> or <c>step</c>
/// is. Code checked may not make a scalar it does not hold, call a maker, or create a maker module or optimiser. The rule reads the IL, not the program's
/// meaning: it sees every site, and a site it accepts could still pass a held scalar's handle to a call after
/// disposing it, which nothing here does.
/// </para>
/// </summary>
internal sealed class TemporaryScalars
{
    private readonly HashSet<string> _makers = new(StringComparer.Ordinal);

    public TemporaryScalars(ModuleDefinition torchSharp)
    {
        var callers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var method in torchSharp.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            // The factories themselves (Scalar's conversions, ToScalar) return what they make: their callers are judged.
            if (method.DeclaringType.FullName is "TorchSharp.Scalar" or "TorchSharp.ScalarExtensionMethods") continue;
            var key = Key(method);
            if (UnheldScalars(method).Any()) _makers.Add(key);
            foreach (var instruction in method.Body.Instructions)
            {
                if (!IsCallOrDelegate(instruction, out var callee) || MakesScalar(callee)) continue;
                var calleeKey = Key(callee);
                if (!callers.TryGetValue(calleeKey, out var list)) callers[calleeKey] = list = new List<string>();
                list.Add(key);
            }
        }
        var pending = new Queue<string>(_makers);
        while (pending.Count > 0)
            if (callers.TryGetValue(pending.Dequeue(), out var list))
                foreach (var caller in list)
                    if (_makers.Add(caller)) pending.Enqueue(caller);
    }

    /// <summary>TorchSharp methods found to make a scalar they leave to the collector, directly or through others.</summary>
    public int MakerCount => _makers.Count;

    /// <summary>"Type::Method: what" for every site in <paramref name="types"/> that leaves a scalar to the collector.</summary>
    public IEnumerable<string> FindIn(IEnumerable<TypeDefinition> types)
    {
        foreach (var type in types)
        foreach (var method in type.Methods.Where(m => m.HasBody))
        {
            var where = $"{type.FullName}::{method.Name}";
            foreach (var site in UnheldScalars(method))
                yield return $"{where}: makes a scalar it does not hold ({Key((MethodReference)site.Operand)}, IL_{site.Offset:x4})";
            foreach (var instruction in method.Body.Instructions)
            {
                if (!IsCallOrDelegate(instruction, out var callee) || !IsTorchSharp(callee.DeclaringType) || MakesScalar(callee)) continue;
                if (_makers.Contains(Key(callee)))
                    yield return $"{where}: calls {Key(callee)}, which makes a scalar it does not hold (IL_{instruction.Offset:x4})";
                else if (MakerObject(callee.ReturnType) is { } made)
                    yield return $"{where}: creates {made} makes a scalar it does not hold (IL_{instruction.Offset:x4})";
            }
        }
    }

    /// <summary>
    /// "Type, whose method" when a TorchSharp factory returns a module whose <c>forward</c>, or an optimiser whose
    /// <c>step</c>, is a maker: later calls go through the base type's virtual method, which the IL cannot follow.
    /// </summary>
    private string? MakerObject(TypeReference type)
    {
        for (var definition = Resolve(type); definition is not null; definition = Resolve(definition.BaseType))
        {
            if (!IsTorchSharp(definition)) return null;
            if (definition.Methods.FirstOrDefault(m => m.Name is "forward" or "step" && _makers.Contains(Key(m))) is { } method)
                return $"{definition.FullName}, whose {method.Name}";
        }
        return null;
    }

    private static TypeDefinition? Resolve(TypeReference? type)
    {
        if (type is null || type.IsGenericParameter) return null;
        try { return type.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    private static IEnumerable<Instruction> UnheldScalars(MethodDefinition method)
    {
        foreach (var instruction in method.Body.Instructions)
        {
            if (instruction.Operand is not MethodReference callee || !IsCall(instruction) || !MakesScalar(callee)) continue;
            var next = instruction.Next;
            if (next is null) { yield return instruction; continue; }
            if (next.OpCode == OpCodes.Stfld || next.OpCode == OpCodes.Stsfld) continue;
            if (StoredLocal(next, method) is { } local && IsDisposed(local, method)) continue;
            yield return instruction;
        }
    }

    private static bool MakesScalar(MethodReference method) =>
        method.DeclaringType.FullName == "TorchSharp.Scalar" && method.Name is "op_Implicit" or ".ctor"
        || method.DeclaringType.FullName == "TorchSharp.ScalarExtensionMethods" && method.Name == "ToScalar";

    private static bool IsDisposed(VariableDefinition local, MethodDefinition method) =>
        method.Body.Instructions.Any(i => IsCall(i) && i.Operand is MethodReference { Name: "Dispose" } && i.Previous is { } loaded && LoadedLocal(loaded, method) == local);

    private static readonly OpCode[] NumberedStores = { OpCodes.Stloc_0, OpCodes.Stloc_1, OpCodes.Stloc_2, OpCodes.Stloc_3 };
    private static readonly OpCode[] NumberedLoads = { OpCodes.Ldloc_0, OpCodes.Ldloc_1, OpCodes.Ldloc_2, OpCodes.Ldloc_3 };

    private static VariableDefinition? StoredLocal(Instruction instruction, MethodDefinition method) =>
        Local(instruction, method, NumberedStores, OpCodes.Stloc_S, OpCodes.Stloc);

    private static VariableDefinition? LoadedLocal(Instruction instruction, MethodDefinition method) =>
        Local(instruction, method, NumberedLoads, OpCodes.Ldloc_S, OpCodes.Ldloc);

    private static VariableDefinition? Local(Instruction instruction, MethodDefinition method, OpCode[] numbered, OpCode shortForm, OpCode longForm)
    {
        var index = Array.IndexOf(numbered, instruction.OpCode);
        if (index >= 0) return method.Body.Variables[index];
        return instruction.OpCode == shortForm || instruction.OpCode == longForm ? (VariableDefinition)instruction.Operand : null;
    }

    private static bool IsCall(Instruction instruction) =>
        instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Newobj;

    /// <summary>A call, or a delegate made of a method (a lambda TorchSharp passes on runs as if called here).</summary>
    private static bool IsCallOrDelegate(Instruction instruction, out MethodReference callee)
    {
        callee = (instruction.Operand as MethodReference)!;
        return callee is not null && (IsCall(instruction) || instruction.OpCode == OpCodes.Ldftn || instruction.OpCode == OpCodes.Ldvirtftn);
    }

    private static bool IsTorchSharp(TypeReference type) => type.Scope.Name is "TorchSharp" or "TorchSharp.dll";

    private static string Key(MethodReference method)
    {
        var element = method is GenericInstanceMethod generic ? generic.ElementMethod : method;
        return $"{element.DeclaringType.GetElementType().FullName}::{element.Name}({string.Join(",", element.Parameters.Select(p => p.ParameterType.FullName))})";
    }
}

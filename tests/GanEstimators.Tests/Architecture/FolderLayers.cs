using Mono.Cecil;
using Mono.Cecil.Cil;

namespace GanEstimators.Tests.Architecture;

/// <summary>
/// The library's folders in the order data flows through them (docs/architecture.md). A folder may use its own types
/// and those of the folders before it, never those after it. Read from the compiled assembly's metadata and IL, so
/// every reference counts: signatures, fields, locals, and the types and members a method body touches.
/// </summary>
internal static class FolderLayers
{
    /// <summary>
    /// Lowest first. The root namespace's public vocabulary (enums, options, metrics, history) is the first layer; the
    /// trainer and sampler that assemble the folders come after them, then augmentation (which uses a sampler), then
    /// the catalog that users start from.
    /// </summary>
    public static readonly string[] Order =
    {
        "Vocabulary", "Native", "Serialization", "Loading", "Inference", "Encoding", "Conditioning", "Constraints", "Networks", "Losses", "Diagnostics",
        "Training", "Sampling", "Persistence", "Trainer and sampler", "Augmentation", "Catalog",
    };

    private static readonly string[] TrainerAndSampler = { "GanTrainer", "GanSampler" };
    private static readonly string[] Catalog = { "GanCatalog", "MLContextGanExtensions" };

    /// <summary>Nested types of the trainer and sampler that are vocabulary (users and folders both read them).</summary>
    public static readonly string[] NestedVocabulary =
    {
        "GanTrainer/Options", "GanTrainer/ImageOptions", "GanTrainer/MlpOptions", "GanTrainer/ModeSpecificOptions", "GanTrainer/Defaults",
    };

    public static string LayerOf(TypeReference type)
    {
        var outermost = type;
        var path = type.Name;
        while (outermost.DeclaringType is { } declaring)
        {
            outermost = declaring;
            path = declaring.Name + "/" + path;
        }
        var ns = outermost.Namespace;
        if (ns == "GanEstimators")
        {
            if (NestedVocabulary.Any(v => path == v || path.StartsWith(v + "/", StringComparison.Ordinal))) return "Vocabulary";
            if (TrainerAndSampler.Contains(outermost.Name)) return "Trainer and sampler";
            return Catalog.Contains(outermost.Name) ? "Catalog" : "Vocabulary";
        }
        return ns.StartsWith("GanEstimators.", StringComparison.Ordinal) ? ns["GanEstimators.".Length..].Split('.')[0] : "";
    }

    /// <summary>Every (from type, to type) reference between two types of <paramref name="module"/>.</summary>
    public static IEnumerable<(TypeDefinition From, TypeReference To)> References(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var seen = new HashSet<string>();
            var found = new List<TypeReference>();
            void Add(TypeReference? reference)
            {
                switch (reference)
                {
                    case null: return;
                    case GenericInstanceType generic:
                        Add(generic.ElementType);
                        foreach (var argument in generic.GenericArguments) Add(argument);
                        return;
                    case TypeSpecification specification:
                        Add(specification.ElementType);
                        return;
                    case GenericParameter: return;
                }
                if (reference.Scope is ModuleDefinition || reference.Module == module && reference.Scope?.Name == module.Name || reference.Resolve()?.Module == module)
                    if (seen.Add(reference.FullName)) found.Add(reference);
            }
            void AddMember(MemberReference member)
            {
                Add(member.DeclaringType);
                switch (member)
                {
                    case MethodReference method:
                        Add(method.ReturnType);
                        foreach (var parameter in method.Parameters) Add(parameter.ParameterType);
                        if (method is GenericInstanceMethod generic) foreach (var argument in generic.GenericArguments) Add(argument);
                        break;
                    case FieldReference field:
                        Add(field.FieldType);
                        break;
                }
            }

            Add(type.BaseType);
            foreach (var implemented in type.Interfaces) Add(implemented.InterfaceType);
            foreach (var field in type.Fields) Add(field.FieldType);
            foreach (var property in type.Properties) Add(property.PropertyType);
            foreach (var method in type.Methods)
            {
                AddMember(method);
                if (!method.HasBody) continue;
                foreach (var variable in method.Body.Variables) Add(variable.VariableType);
                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference operandType: Add(operandType); break;
                        case MemberReference member: AddMember(member); break;
                    }
                }
            }
            foreach (var reference in found) yield return (type, reference);
        }
    }
}

using System.Reflection;
using System.Text.RegularExpressions;

namespace GanEstimators.Tests.Validation;

/// <summary>Public names are spelt the US way, as ML.NET's are (Normalization, not Normalisation); the prose of the docs may differ.</summary>
[TestClass]
public sealed partial class PublicNameSpellingTests
{
    /// <summary>Words ending like a UK -ise/-isation spelling that are spelt so in US English too.</summary>
    private static readonly HashSet<string> SameInUsEnglish = new(StringComparer.OrdinalIgnoreCase)
    {
        "Noise", "Precise", "Wise", "Pairwise", "Elementwise", "Otherwise", "Likewise", "Rise", "Raise", "Promise", "Exercise", "Premise",
        "Concise", "Expertise", "Enterprise", "Surprise", "Comprise", "Revise", "Supervise", "Supervised", "Unsupervised", "Advise", "Devise",
        "Compromise", "Franchise", "Paradise", "Poise", "Arise", "Clockwise", "Bitwise", "Stepwise", "Disguise",
    };

    private static readonly HashSet<string> UkOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "Colour", "Colours", "Behaviour", "Behaviours", "Neighbour", "Neighbours", "Favour", "Honour", "Flavour", "Labour", "Rumour",
        "Centre", "Centres", "Metre", "Metres", "Analyse", "Analysed", "Modelling", "Modelled", "Labelled", "Labelling", "Cancelled",
        "Cancelling", "Travelled", "Catalogue", "Licence", "Defence", "Grey", "Programme",
    };

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex("(isation|isations|ise|ised|ises|ising|iser|isers)$", RegexOptions.IgnoreCase)]
    private static partial Regex UkEnding();

    [TestMethod]
    public void PublicTypesMembersAndEnumValuesUseUsSpelling()
    {
        var names = new List<string>();
        foreach (var type in typeof(GanTrainer).Assembly.GetExportedTypes())
        {
            names.Add(type.FullName!);
            const BindingFlags publicMembers = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(publicMembers).Where(m => !m.IsDefined(typeof(ObsoleteAttribute), false)))
            {
                names.Add($"{type.Name}.{member.Name}");
                if (member is MethodBase method)
                    names.AddRange(method.GetParameters().Select(p => $"{type.Name}.{member.Name}({p.Name})"));
            }
        }

        var ukSpelt = names.Where(name => Words().Matches(name).Any(w => UkOnly.Contains(w.Value) || UkEnding().IsMatch(w.Value) && !SameInUsEnglish.Contains(w.Value))).ToArray();

        Assert.IsEmpty(ukSpelt, "UK spellings in public names: " + string.Join(", ", ukSpelt));
    }
}

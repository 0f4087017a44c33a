using System.Collections.Immutable;
using System.Reflection;
using Scriban.Runtime;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// One kind of prompt text (a character's profile, the narrator's result question, a judge's scoring call): the
/// file name of its templates (<c>en/NAME.sbn</c>, <c>zh/NAME.sbn</c>) and the record whose fields its templates
/// may read, so a template is checked against those names before any model is asked.
/// </summary>
/// <param name="Name">The template's file name without folder and extension ("character-profile").</param>
/// <param name="Fields">The record a template of this kind is rendered with.</param>
/// <param name="Resources">The assembly whose embedded resources hold the built-in templates.</param>
public sealed record PromptKind(string Name, Type Fields, Assembly Resources)
{
    /// <summary>The names a template of this kind may read: the record's properties, as templates spell them.</summary>
    public ImmutableSortedSet<string> Placeholders { get; } = [.. Fields
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => StandardMemberRenamer.Default(p))];

    /// <summary>A kind whose built-in templates are embedded in the assembly that declares its fields.</summary>
    public static PromptKind Of<TFields>(string name) => new(name, typeof(TFields), typeof(TFields).Assembly);
}

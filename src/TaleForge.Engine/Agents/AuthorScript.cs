using TaleForge.Core.Definitions;
using TaleForge.Core.Rules;
using TaleForge.Core.State;

namespace TaleForge.Engine.Agents;

/// <summary>
/// The author's conditions, evaluated against the true world. Authored lines may depend on anything the author
/// chose (a flag the character never saw set); model-played characters do not use this, only their view.
/// </summary>
public sealed class AuthorScript(WorldState state, string character)
{
    public bool Holds(Predicate? condition) => condition is null || condition.Holds(state, character);

    public bool Used(string line) => state.UsedLines.Contains($"{character}/{line}");

    public string? SceneId => state.Scene?.Id;
}

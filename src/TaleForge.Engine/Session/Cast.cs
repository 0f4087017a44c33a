using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Authored;

namespace TaleForge.Engine.Session;

/// <summary>
/// Who plays whom: at most one human, an agent for every other character, and a narrator. With no model, every
/// agent is authored and the narrator is the rules; a model can be given to the narrator, to all characters,
/// or to one character alone.
/// </summary>
public sealed record Cast
{
    /// <summary>The character a person plays; null in observer mode.</summary>
    public string? Player { get; init; }

    public required ImmutableSortedDictionary<string, ICharacterAgent> Characters { get; init; }
    public required INarratorAgent Narrator { get; init; }

    /// <summary>Run the optional director phase (on the narrator's agent, never a character's).</summary>
    public bool Director { get; init; }

    /// <summary>True when nobody in the cast uses a model: the game says it is in authored mode.</summary>
    public bool IsAuthored => Narrator is RulesNarrator && Characters.Values.All(a => a is AuthoredCharacter);

    public ICharacterAgent? AgentFor(string character) => Characters.GetValueOrDefault(character);

    /// <summary>Every character authored, the rules narrating: the game with no model at all.</summary>
    public static Cast Authored(WorldDefinition world, string? player = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var agent = new AuthoredCharacter(Phrasebook.For(world.Info.Language).WaitAction);
        return new Cast
        {
            Player = player,
            Characters = world.Characters.Where(c => c.Id != player)
                .ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)agent, StringComparer.Ordinal),
            Narrator = new RulesNarrator(),
        };
    }
}

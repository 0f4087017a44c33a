using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Authored;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// The cast a recording describes, with every role that a model played answering from the recording instead,
/// and authored roles authored again (their choices follow from the state, so they replay by themselves).
/// One character may be given a new agent: the swap.
/// </summary>
public static class RecordedCast
{
    public static Cast Build(TrajectoryFile trajectory, WorldDefinition world, RecordedChatClient recorded, string? swapped = null, ICharacterAgent? agent = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(recorded);
        var header = trajectory.Header;
        // A model put in the human's place plays that character; nobody is left at the keyboard.
        var player = header.Player == swapped ? null : header.Player;
        var authored = new AuthoredCharacter(Phrasebook.For(world.Info.Language).WaitAction);
        var characters = ImmutableSortedDictionary.CreateBuilder<string, ICharacterAgent>(StringComparer.Ordinal);
        foreach (var character in world.Characters.Where(c => c.Id != player))
        {
            var role = AgentCall.CharacterRole(character.Id);
            characters[character.Id] = character.Id == swapped && agent is not null ? agent
                : ModelPlayed(trajectory, role, "characters") is { } model ? new ModelCharacter(Recorded(recorded, model, header))
                : authored;
        }
        var narrator = ModelPlayed(trajectory, AgentCall.NarratorRole, AgentCall.DirectorRole) is { } narratorModel
            ? (INarratorAgent)new ModelNarrator(Recorded(recorded, narratorModel, header))
            : new RulesNarrator();
        return new Cast { Player = player, Characters = characters.ToImmutable(), Narrator = narrator, Director = header.Director };
    }

    /// <summary>The model a role was played by, from the header or, failing that, from its recorded calls; null if authored.</summary>
    private static string? ModelPlayed(TrajectoryFile trajectory, string role, string alsoRole)
    {
        var reference = trajectory.Header.Models.FirstOrDefault(m => m.Role == role)
            ?? trajectory.Header.Models.FirstOrDefault(m => m.Role == alsoRole);
        return reference?.File ?? trajectory.Calls.FirstOrDefault(c => (c.Role == role || c.Role == alsoRole) && c.ByModel)?.Model;
    }

    private static ModelRole Recorded(RecordedChatClient recorded, string model, TrajectoryHeader header)
    {
        // The context only shapes how much of the prompt fits; the recorded replies are returned whatever it holds.
        var settings = header.Models.FirstOrDefault(m => m.File == model)?.Parameters;
        var context = settings is not null && settings.TryGetValue("ctx_size", out var size) && int.TryParse(size, CultureInfo.InvariantCulture, out var tokens)
            ? tokens / Math.Max(1, settings.TryGetValue("parallel", out var p) && int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : 1)
            : 4096;
        return new ModelRole { Client = recorded, Model = model, ContextTokens = context };
    }
}

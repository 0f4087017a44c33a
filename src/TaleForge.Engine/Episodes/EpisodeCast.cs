using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Candidates;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Engine.Episodes;

/// <summary>
/// Who plays whom in an episode, from the model each role is played by: every character a model plays becomes a
/// model agent, every other character (but the player) is authored, and the narrator is a model or the rules. Play,
/// simulation, verification and the swap all put their casts together here; they differ only in where a role's
/// model comes from (files the user named, or the recording) and in what asking it means (a live model, or the
/// recorded replies).
/// </summary>
public static class EpisodeCast
{
    /// <param name="modelFor">The model that plays a role, or null when the role is authored.</param>
    /// <param name="roleFor">The model, ready to be asked, for a reference <paramref name="modelFor"/> gave.</param>
    /// <param name="swap">One character played by an agent of its own instead (a swapped re-run).</param>
    /// <param name="candidates">Turns sampled per model-played character turn; above one, the judge's model (else the character's) picks.</param>
    /// <param name="protocol">The protocol whose way of asking the model agents follow.</param>
    /// <param name="prompts">The templates every model agent words its questions with; the built-in ones when null.</param>
    public static Cast Build(
        WorldDefinition world,
        string? player,
        bool director,
        Func<Role, ModelReference?> modelFor,
        Func<ModelReference, ModelRole> roleFor,
        (string Character, ICharacterAgent Agent)? swap = null,
        int candidates = 1,
        EpisodeProtocol protocol = EpisodeProtocol.TaleForge,
        PromptSet? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(modelFor);
        ArgumentNullException.ThrowIfNull(roleFor);
        var authored = Cast.Authored(world, player);
        var asking = CharacterBoxProtocol.Asking(protocol) with { Prompts = prompts ?? PromptSet.BuiltIn };
        var characters = ImmutableSortedDictionary.CreateBuilder<string, ICharacterAgent>(StringComparer.Ordinal);
        foreach (var (id, agent) in authored.Characters)
        {
            characters[id] = swap is { } s && s.Character == id ? s.Agent
                : modelFor(Role.Character(id)) is { } model ? Played(roleFor(model), asking, candidates, modelFor, roleFor)
                : agent;
        }
        var narrator = modelFor(Role.Narrator) is { } narratorModel ? new ModelNarrator(roleFor(narratorModel), asking) : authored.Narrator;
        return authored with { Characters = characters.ToImmutable(), Narrator = narrator, Director = director };
    }

    /// <summary>A model-played character; sampled several times a turn and judged when more than one candidate is asked for.</summary>
    private static ICharacterAgent Played(ModelRole role, AskingRules asking, int candidates, Func<Role, ModelReference?> modelFor, Func<ModelReference, ModelRole> roleFor)
    {
        if (candidates <= 1)
        {
            return new ModelCharacter(role, asking);
        }
        var judge = modelFor(Role.Judge) is { } reference ? roleFor(reference) : role;
        // The pick is a judgement, not a performance: greedy, as every judge is.
        return new CandidateTurns(new ModelCharacter(role, asking), candidates, judge with { Sampling = Sampling.Greedy });
    }
}

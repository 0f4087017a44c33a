using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>A swapped re-play: the trajectory written, and every point where the recording could not answer.</summary>
public sealed record SwapResult(string Trajectory, ImmutableArray<string> Notes)
{
    /// <summary>Requests asked again of a recorded model because the swap changed their prompt.</summary>
    public int Reasked { get; init; }
}

/// <summary>
/// Re-plays a recorded episode with one character's decisions made by a new agent, while the narrator, the
/// director, the other characters and the human player give their recorded outputs (the main branch's), so
/// models can be compared on identical situations. Given the recorded models, every request whose prompt the
/// swap changed (influence, reactions, results, updates and environment after the swapped character acted) is
/// asked again of the model that made it, and the header lists them; without them, such requests get the recorded
/// replies, and where the new choices lead somewhere the recording never went, the other roles fall back as for a
/// failed model (or act by their authored lines), and it is noted.
/// </summary>
public static class ActorSwap
{
    /// <param name="opened">The world as opened (<see cref="RecordedWorld.Open"/>); it must be the one the original names.</param>
    /// <param name="model">The new agent's model, as the new trajectory's header records it.</param>
    /// <param name="deterministic">Whether the new agent's backend promises identical re-runs; the new trajectory promises them only if the original did too.</param>
    /// <param name="folder">Where to write the new trajectory (<c>NAME-swap-CHARACTER.jsonl</c>); nothing is overwritten.</param>
    /// <param name="recordedModels">The models the recording names, by file name, to ask again what the swap changed; none: replies are copied.</param>
    /// <param name="prompts">The templates the recording was asked with, so a changed prompt means a changed situation; built-in when null.</param>
    public static async Task<SwapResult> RunAsync(
        TrajectoryFile original, OpenedWorld opened, string character, ICharacterAgent agent, ModelReference model, bool deterministic, string folder,
        IReadOnlyDictionary<string, IChatClient>? recordedModels = null, CancellationToken cancellation = default, PromptSet? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(character);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(folder);
        var world = RecordedWorld.Of(original).Check(opened).Definition;
        if (world.FindCharacter(character) is null)
        {
            throw new TaleForgeException($"the world has no character '{character}' to swap; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}.");
        }
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(original.Path)}-swap-{character}.jsonl");
        if (File.Exists(output))
        {
            throw new TaleForgeException($"{output} already exists; remove it or choose another --out folder (nothing is overwritten).");
        }

        var branch = original.MainBranch();
        var recorded = new RecordedChatClient(branch.OfType<CallRecord>(), recordedModels);
        var cast = RecordedCast.Build(original, world, recorded, character, agent, prompts);
        var role = Role.Character(character);
        var recordedSpec = EpisodeSpec.Of(original.Header);
        var spec = recordedSpec with
        {
            Player = cast.Player,
            Models = [.. recordedSpec.Models.Where(m => m.Role != role), model with { Role = role }],
            Deterministic = recordedSpec.Deterministic && deterministic,
            Swap = new SwapReference(Path.GetFileName(original.Path), character, model with { Role = role })
            {
                Reasked = [.. (recordedModels?.Keys ?? []).Order(StringComparer.Ordinal)],
            },
        };
        // With no one at the keyboard (the human's character swapped) the recorded decisions are simply not asked for.
        var notes = await EpisodeRerun.RunAsync(world, cast, spec, RecordedPlayer.MainBranch(original), output, cancellation);
        return new SwapResult(output, [.. notes, .. recorded.Notes]) { Reasked = recorded.Reasked };
    }
}

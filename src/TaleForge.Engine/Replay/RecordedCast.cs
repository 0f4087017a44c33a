using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Authored;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// The cast a recording's episode spec describes, with every role that a model played answering from the
/// recording instead, and authored roles authored again (their choices follow from the state, so they replay by
/// themselves). The director phase runs when the spec says it ran. One character may be given a new agent: the swap.
/// </summary>
public static class RecordedCast
{
    /// <param name="prompts">The templates the model-played roles word their questions with; built-in when null.</param>
    public static Cast Build(
        TrajectoryFile trajectory, WorldDefinition world, RecordedChatClient recorded, string? swapped = null, ICharacterAgent? agent = null, PromptSet? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(recorded);
        var spec = EpisodeSpec.Of(trajectory.Header);
        // A model put in the human's place plays that character; nobody is left at the keyboard.
        var player = spec.Player == swapped ? null : spec.Player;
        ModelReference? ModelFor(Role role) => role == Role.Narrator
            ? ModelPlayed(trajectory, spec, Role.Narrator) ?? ModelPlayed(trajectory, spec, Role.Director)
            : ModelPlayed(trajectory, spec, role);
        return EpisodeCast.Build(
            world, player, spec.Director, ModelFor, model => Recorded(recorded, model.File, spec),
            // Turns replay as played: the recording answers with the turn the judge chose, so no candidates are drawn again.
            swapped is not null && agent is not null ? (swapped, agent) : null, protocol: spec.Protocol, prompts: prompts);
    }

    /// <summary>The model a role was played by, from the spec or, failing that, from its recorded calls; null if authored.</summary>
    private static ModelReference? ModelPlayed(TrajectoryFile trajectory, EpisodeSpec spec, Role role) =>
        spec.ModelFor(role)
        ?? (trajectory.Calls.FirstOrDefault(c => c.Role == role && c.ByModel)?.Model is { } file ? new ModelReference { Role = role, File = file } : null);

    private static ModelRole Recorded(RecordedChatClient recorded, string model, EpisodeSpec spec)
    {
        // The context only shapes how much of the prompt fits; the recorded replies are returned whatever it holds.
        var settings = spec.Models.FirstOrDefault(m => m.File == model)?.Parameters;
        var context = settings is not null && settings.TryGetValue("ctx_size", out var size) && int.TryParse(size, CultureInfo.InvariantCulture, out var tokens)
            ? tokens / Math.Max(1, settings.TryGetValue("parallel", out var p) && int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : 1)
            : 4096;
        return new ModelRole { Client = recorded, Model = model, ContextTokens = context, Sampling = spec.Sampling };
    }
}

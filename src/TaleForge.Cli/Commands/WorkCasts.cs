using TaleForge.Cli.Models;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Candidates;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Cli.Commands;

/// <summary>
/// The cast of each work of a dataset run, from the one loaded for the first: the same models (loaded once, so
/// every work's requests share them) put together by <see cref="EpisodeCast"/> for that work's characters, each
/// role sampling as the run's protocol says.
/// </summary>
internal static class WorkCasts
{
    public static Func<WorldDefinition, Cast> For(LoadedCast loaded, Sampling sampling, EpisodeProtocol protocol = EpisodeProtocol.TaleForge)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Cast.IsAuthored)
        {
            return world => Cast.Authored(world) with { Director = false };
        }
        var roles = loaded.Models.ToDictionary(m => m.Role, m => RoleOf(loaded, m) with { Sampling = sampling });
        return world => EpisodeCast.Build(
            world, player: null, loaded.Cast.Director, role => EpisodeSpec.ModelIn(loaded.Models, role), reference => roles[reference.Role],
            candidates: loaded.Candidates, protocol: protocol, prompts: loaded.Prompts);
    }

    /// <summary>The loaded model of a reference, found on the agent of the first world that plays it.</summary>
    private static ModelRole RoleOf(LoadedCast loaded, ModelReference reference)
    {
        var cast = loaded.Cast;
        ModelRole? role = reference.Role.Kind switch
        {
            RoleKind.Narrator => (cast.Narrator as ModelNarrator)?.Role,
            RoleKind.Character => Character(cast.AgentFor(reference.Role.CharacterId!))?.Role,
            RoleKind.Judge => cast.Characters.Values.OfType<CandidateTurns>().FirstOrDefault()?.Judge,
            RoleKind.Characters => cast.Characters
                .Where(c => !loaded.Models.Any(m => m.Role == Role.Character(c.Key)))
                .Select(c => Character(c.Value)?.Role)
                .FirstOrDefault(r => r is not null),
            _ => null,
        };
        return role ?? throw new TaleForgeException(
            $"the model {reference.File} for {reference.Role} plays nobody in the first work, so it cannot be shared with the others; run each work on its own.");
    }

    /// <summary>The model-played character behind an agent, whether it samples one turn or several.</summary>
    private static ModelCharacter? Character(ICharacterAgent? agent) => agent as ModelCharacter ?? (agent as CandidateTurns)?.Character;
}

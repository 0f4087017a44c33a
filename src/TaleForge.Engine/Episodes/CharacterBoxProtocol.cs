using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Episodes;

/// <summary>
/// What <see cref="EpisodeProtocol.CharacterBox"/> sets, from CharacterBox's play configuration and simulator:
/// its default round count, its one temperature for narrator and characters, and the synopsis (director) step
/// it runs at the start of every round; and how its agents ask (<see cref="AskingRules.CharacterBox"/>).
/// </summary>
public static class CharacterBoxProtocol
{
    public const int Rounds = 3;
    public const float Temperature = 0.5f;

    /// <summary>The spec as the protocol plays it; a round limit the user gave, or a temperature other than the default, is kept.</summary>
    public static EpisodeSpec Apply(EpisodeSpec spec, bool roundsGiven)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with
        {
            Protocol = EpisodeProtocol.CharacterBox,
            RoundLimit = roundsGiven ? spec.RoundLimit : Rounds,
            Sampling = spec.Sampling.Temperature != Inference.Backends.Sampling.Default.Temperature ? spec.Sampling : spec.Sampling with { Temperature = Temperature },
            Director = !spec.IsAuthored,
        };
    }

    /// <summary>How a protocol's model agents put their questions.</summary>
    public static AskingRules Asking(EpisodeProtocol protocol) =>
        protocol == EpisodeProtocol.CharacterBox ? AskingRules.CharacterBox : AskingRules.TaleForge;
}

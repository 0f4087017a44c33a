using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Saves;

/// <summary>
/// The small file beside a save's trajectory, rewritten atomically after every turn: which step play stands at,
/// the narrator's state there, and a digest of the world state, checked against the trajectory on load.
/// </summary>
public sealed record SaveSnapshot
{
    public const string CurrentFormat = "taleforge/save@1";

    public string Format { get; init; } = CurrentFormat;
    public required string WorldId { get; init; }
    public required string WorldTitle { get; init; }
    public required string WorldHash { get; init; }

    /// <summary>The checkpoint step play resumes from.</summary>
    public required long Head { get; init; }

    public required long NextStep { get; init; }
    public required NarratorState Narrator { get; init; }
    public required string StateDigest { get; init; }
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>For listings: the player's character, scene, round, and whether the story is over.</summary>
    public string? Player { get; init; }
    public string Scene { get; init; } = "";
    public int Round { get; init; }
    public bool Finished { get; init; }
}

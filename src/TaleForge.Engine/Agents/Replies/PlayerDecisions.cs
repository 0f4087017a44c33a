namespace TaleForge.Engine.Agents.Replies;

/// <summary>
/// The schema names of a person's decisions: they are recorded as calls like a model's replies, so they are named
/// here beside the reply schemas, though no model is asked for them (hence no <see cref="IReply"/>). Replay reads a
/// recorded decision back by these names, so they never change on disk.
/// </summary>
public static class PlayerDecisions
{
    /// <summary>A turn the player took (a <see cref="Core.Decisions.CharacterTurn"/>).</summary>
    public const string TurnSchema = "player_turn";

    /// <summary>A look, examine or inventory the player asked (a <see cref="Core.Decisions.Query"/>).</summary>
    public const string QuerySchema = "player_query";
}

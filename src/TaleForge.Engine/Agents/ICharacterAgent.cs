using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.State;

namespace TaleForge.Engine.Agents;

/// <summary>Whoever plays a character other than the human: a model, or the author's lines.</summary>
public interface ICharacterAgent
{
    /// <summary>Round start: revise belief, desire, intention and the view of others. Null: keep the old beliefs.</summary>
    Task<AgentResult<Beliefs>> ReviseBeliefsAsync(CharacterView view, AgentCall call, CancellationToken cancellation);

    /// <summary>Insights drawn from recent memories, once enough of importance has happened. Empty: none.</summary>
    Task<AgentResult<ImmutableArray<string>>> ReflectAsync(CharacterView view, AgentCall call, CancellationToken cancellation);

    /// <summary>The character's turn: one action, an optional line, an optional world command.</summary>
    Task<AgentResult<CharacterTurn>> DecideTurnAsync(CharacterView view, AgentCall call, CancellationToken cancellation);

    /// <summary>A visible response to another's turn. Null: no visible reaction.</summary>
    Task<AgentResult<Reaction>> ReactAsync(CharacterView view, ReactionCue cue, AgentCall call, CancellationToken cancellation);
}

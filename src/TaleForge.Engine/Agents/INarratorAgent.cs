using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents;

/// <summary>
/// Whoever narrates: a model, or the rules alone. Every proposal it makes is checked by the engine before it
/// is applied, so a narrator can describe but never break the world.
/// </summary>
public interface INarratorAgent
{
    /// <summary>Optional director: a one-line direction per character for the round (character id to text).</summary>
    Task<AgentResult<ImmutableSortedDictionary<string, string>>> DirectAsync(NarratorView view, AgentCall call, CancellationToken cancellation);

    /// <summary>Who is affected by the turn, and how; may be no one, one, or several.</summary>
    Task<AgentResult<ImmutableArray<Influence>>> AnalyseInfluenceAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation);

    /// <summary>What came of the turn and its reactions, in a few sentences. Null: nothing to add.</summary>
    Task<AgentResult<string>> NarrateResultAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation);

    /// <summary>New position, condition or emotion for the characters involved, target(s) first, actor last.</summary>
    Task<AgentResult<ImmutableArray<CharacterUpdate>>> UpdateCharactersAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation);

    /// <summary>Round end: the physical environment, unchanged unless something significant happened.</summary>
    Task<AgentResult<EnvironmentUpdate>> UpdateEnvironmentAsync(NarratorView view, AgentCall call, CancellationToken cancellation);

    /// <summary>Round end: a one-paragraph plot summary.</summary>
    Task<AgentResult<string>> SummariseRoundAsync(NarratorView view, AgentCall call, CancellationToken cancellation);
}

using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Testing;

/// <summary>A character agent made of callbacks, recording every view it was shown.</summary>
public sealed class ScriptedCharacter(
    Func<CharacterView, CharacterTurn>? turn = null,
    Func<CharacterView, ReactionCue, Reaction?>? react = null,
    Func<CharacterView, Beliefs?>? believe = null) : ICharacterAgent
{
    public List<CharacterView> Views { get; } = [];

    public Task<AgentResult<Beliefs>> ReviseBeliefsAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        Views.Add(view);
        return Task.FromResult(AgentResult<Beliefs>.Authored(believe?.Invoke(view)));
    }

    public Task<AgentResult<ImmutableArray<string>>> ReflectAsync(CharacterView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableArray<string>>.Authored([]));

    public Task<AgentResult<CharacterTurn>> DecideTurnAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        Views.Add(view);
        return Task.FromResult(AgentResult<CharacterTurn>.Authored(turn?.Invoke(view) ?? CharacterTurn.Waiting("waits")));
    }

    public Task<AgentResult<Reaction>> ReactAsync(CharacterView view, ReactionCue cue, AgentCall call, CancellationToken cancellation)
    {
        Views.Add(view);
        return Task.FromResult(AgentResult<Reaction>.Authored(react?.Invoke(view, cue)));
    }
}

/// <summary>A narrator made of callbacks; anything not given does nothing.</summary>
public sealed class ScriptedNarrator(
    Func<NarratorView, TurnInProgress, ImmutableArray<Influence>>? influence = null,
    Func<NarratorView, TurnInProgress, string?>? result = null,
    Func<NarratorView, TurnInProgress, ImmutableArray<CharacterUpdate>>? updates = null,
    Func<NarratorView, EnvironmentUpdate?>? environment = null) : INarratorAgent
{
    public Task<AgentResult<ImmutableSortedDictionary<string, string>>> DirectAsync(NarratorView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableSortedDictionary<string, string>>.Authored(null));

    public Task<AgentResult<ImmutableArray<Influence>>> AnalyseInfluenceAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableArray<Influence>>.Authored(influence?.Invoke(view, turn) ?? []));

    public Task<AgentResult<string>> NarrateResultAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<string>.Authored(result?.Invoke(view, turn)));

    public Task<AgentResult<ImmutableArray<CharacterUpdate>>> UpdateCharactersAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableArray<CharacterUpdate>>.Authored(updates?.Invoke(view, turn) ?? []));

    public Task<AgentResult<EnvironmentUpdate>> UpdateEnvironmentAsync(NarratorView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<EnvironmentUpdate>.Authored(environment?.Invoke(view)));

    public Task<AgentResult<string>> SummariseRoundAsync(NarratorView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<string>.Authored(null));
}

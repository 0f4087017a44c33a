using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Authored;

/// <summary>
/// The narrator when no model is configured: those a turn is aimed at, or names, are affected; outcomes are the
/// rules' own sentences; the world changes only through the author's triggers.
/// </summary>
public sealed class RulesNarrator : INarratorAgent
{
    public Task<AgentResult<ImmutableSortedDictionary<string, string>>> DirectAsync(NarratorView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableSortedDictionary<string, string>>.Authored(null));

    public Task<AgentResult<ImmutableArray<Influence>>> AnalyseInfluenceAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var present = Core.Perception.Perception.Present(view.State, turn.Actor).Where(c => c != turn.Actor).ToList();
        var text = $"{turn.Decision.Action} {turn.Decision.Dialogue}";
        var named = present.Where(id => Mentions(view, id, text));
        var affected = turn.Targets.Concat(named).Where(present.Contains).Distinct().Select(id => new Influence(id, ""));
        return Task.FromResult(AgentResult<ImmutableArray<Influence>>.Authored([.. affected]));
    }

    public Task<AgentResult<string>> NarrateResultAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<string>.Authored(null));

    public Task<AgentResult<ImmutableArray<CharacterUpdate>>> UpdateCharactersAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<ImmutableArray<CharacterUpdate>>.Authored([]));

    public Task<AgentResult<EnvironmentUpdate>> UpdateEnvironmentAsync(NarratorView view, AgentCall call, CancellationToken cancellation) =>
        Task.FromResult(AgentResult<EnvironmentUpdate>.Authored(null));

    /// <summary>The round's visible events in the narrator's words, so summaries exist even with no model.</summary>
    public Task<AgentResult<string>> SummariseRoundAsync(NarratorView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lines = view.Round
            .Where(e => e.Observed.Observers.Length > 0)
            .Select(e => EventText.Describe(e.Event, view.State, viewer: null))
            .OfType<string>();
        var summary = string.Join(" ", lines);
        return Task.FromResult(AgentResult<string>.Authored(summary.Length > 0 ? summary : null));
    }

    /// <summary>The character is named in the text: by id, full name, first name or alias, as whole words.</summary>
    private static bool Mentions(NarratorView view, string id, string text)
    {
        var character = view.State.World.Character(id);
        var firstName = character.Name.Split(' ', 2)[0];
        return character.Aliases.Prepend(character.Name).Prepend(firstName).Prepend(id)
            .Any(name => name.Length > 0 && WordMatch.Contains(text, name));
    }
}

using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

/// <summary>
/// The narrator's work in each phase: ask the right agent, check its answer against the rules, append the
/// events, and report the trigger that moves the machine on with the narrator's state it leaves (the session
/// writes that state; the pipeline never does). One file per group of phases.
/// </summary>
internal sealed partial class RoundPipeline(GameSession session)
{
    /// <summary>Runs the narrator's current phase; a null trigger means play waits for the human.</summary>
    public Task<PhaseOutcome> PerformAsync(NarratorState narrator, CancellationToken cancellation) => narrator.Phase switch
    {
        NarratorPhase.SceneSetup => Task.FromResult(SetUpScene(narrator)),
        NarratorPhase.RoundStart => StartRoundAsync(narrator, cancellation),
        NarratorPhase.Direction => DirectAsync(narrator, cancellation),
        NarratorPhase.ActorTurn => TakeTurnAsync(narrator, cancellation),
        NarratorPhase.Influence => AnalyseInfluenceAsync(narrator, cancellation),
        NarratorPhase.Reaction => ReactAsync(narrator, cancellation),
        NarratorPhase.Result => NarrateResultAsync(narrator, cancellation),
        NarratorPhase.Updates => UpdateCharactersAsync(narrator, cancellation),
        NarratorPhase.RoundEnd => EndRoundAsync(narrator, cancellation),
        NarratorPhase.SceneEnd => Task.FromResult(EndScene(narrator)),
        _ => throw new InvalidOperationException($"The story is over: there is nothing to do in phase {narrator.Phase}."),
    };

    private void FireTriggers()
    {
        foreach (var e in SceneRules.FireTriggers(session.State))
        {
            session.Append(e);
        }
    }

    /// <summary>Participants of the current scene that exist in the world, in the author's order.</summary>
    private IEnumerable<string> Participants()
    {
        var scene = SceneRules.Current(session.State);
        if (scene is null)
        {
            return [];
        }
        var listed = scene.Participants.Where(id => session.State.Characters.ContainsKey(id)).ToList();
        return listed.Count > 0 ? listed : session.State.CharactersAt(scene.Location);
    }

    private async Task<AgentResult<T>> AskNarratorAsync<T>(
        Role role, Func<NarratorView, AgentCall, CancellationToken, Task<AgentResult<T>>> ask, CancellationToken cancellation)
    {
        var call = session.NewCall(role);
        var result = await ask(session.NarratorView(), call, cancellation);
        session.Record(result.Calls);
        return result;
    }
}

using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Narration;

/// <summary>
/// The narrator's work in each phase: ask the right agent, check its answer against the rules, append the
/// events, and report the trigger that moves the machine on. One file per group of phases.
/// </summary>
internal sealed partial class RoundPipeline(GameSession session)
{
    /// <summary>Runs one phase; null means play waits for the human.</summary>
    public Task<NarratorTrigger?> PerformAsync(NarratorPhase phase, CancellationToken cancellation) => phase switch
    {
        NarratorPhase.SceneSetup => Task.FromResult<NarratorTrigger?>(SetUpScene()),
        NarratorPhase.RoundStart => StartRoundAsync(cancellation),
        NarratorPhase.Direction => DirectAsync(cancellation),
        NarratorPhase.ActorTurn => TakeTurnAsync(cancellation),
        NarratorPhase.Influence => AnalyseInfluenceAsync(cancellation),
        NarratorPhase.Reaction => ReactAsync(cancellation),
        NarratorPhase.Result => NarrateResultAsync(cancellation),
        NarratorPhase.Updates => UpdateCharactersAsync(cancellation),
        NarratorPhase.RoundEnd => EndRoundAsync(cancellation),
        NarratorPhase.SceneEnd => Task.FromResult<NarratorTrigger?>(EndScene()),
        _ => throw new InvalidOperationException($"The story is over: there is nothing to do in phase {phase}."),
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

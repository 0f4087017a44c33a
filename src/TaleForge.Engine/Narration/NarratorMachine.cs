using Stateless;
using Stateless.Graph;

namespace TaleForge.Engine.Narration;

/// <summary>
/// The narrator's round pipeline as a Stateless machine. The machine owns no state: it reads and writes the
/// phase through the accessors it is given, so the phase lives in the session and saves with it.
/// </summary>
public static class NarratorMachine
{
    public static StateMachine<NarratorPhase, NarratorTrigger> Create(Func<NarratorPhase> read, Action<NarratorPhase> write)
    {
        var machine = new StateMachine<NarratorPhase, NarratorTrigger>(read, write);

        machine.Configure(NarratorPhase.SceneSetup)
            .Permit(NarratorTrigger.SceneOpened, NarratorPhase.RoundStart)
            .Permit(NarratorTrigger.StoryOver, NarratorPhase.Finished);

        machine.Configure(NarratorPhase.RoundStart)
            .Permit(NarratorTrigger.BeliefsRevised, NarratorPhase.Direction);

        machine.Configure(NarratorPhase.Direction)
            .Permit(NarratorTrigger.Directed, NarratorPhase.ActorTurn);

        machine.Configure(NarratorPhase.ActorTurn)
            .Permit(NarratorTrigger.TurnTaken, NarratorPhase.Influence)
            .Permit(NarratorTrigger.NoOneLeftToAct, NarratorPhase.RoundEnd)
            .Permit(NarratorTrigger.GoalReached, NarratorPhase.SceneEnd);

        machine.Configure(NarratorPhase.Influence)
            .Permit(NarratorTrigger.SomeoneAffected, NarratorPhase.Reaction)
            .Permit(NarratorTrigger.NoOneAffected, NarratorPhase.Result);

        machine.Configure(NarratorPhase.Reaction)
            .Permit(NarratorTrigger.Reacted, NarratorPhase.Result);

        machine.Configure(NarratorPhase.Result)
            .Permit(NarratorTrigger.ResultNarrated, NarratorPhase.Updates);

        machine.Configure(NarratorPhase.Updates)
            .Permit(NarratorTrigger.Updated, NarratorPhase.ActorTurn)
            .Permit(NarratorTrigger.GoalReached, NarratorPhase.SceneEnd);

        machine.Configure(NarratorPhase.RoundEnd)
            .Permit(NarratorTrigger.RoundClosed, NarratorPhase.RoundStart)
            .Permit(NarratorTrigger.SceneOver, NarratorPhase.SceneEnd);

        machine.Configure(NarratorPhase.SceneEnd)
            .Permit(NarratorTrigger.NextScene, NarratorPhase.SceneSetup)
            .Permit(NarratorTrigger.StoryOver, NarratorPhase.Finished);

        machine.Configure(NarratorPhase.Finished);

        return machine;
    }

    /// <summary>The pipeline as a Mermaid state diagram, for documentation and <c>taleforge narrator-graph</c>.</summary>
    public static string ToMermaid()
    {
        var phase = NarratorPhase.SceneSetup;
        var machine = Create(() => phase, p => phase = p);
        return MermaidGraph.Format(machine.GetInfo());
    }
}

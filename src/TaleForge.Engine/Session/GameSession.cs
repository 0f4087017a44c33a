using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stateless;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Memory;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Session;

/// <summary>
/// One play-through: the world state, the narrator's place in its pipeline, and the log both are folded from.
/// Views drive it with <see cref="RunAsync"/> (advance until the player must act or the story ends) and
/// <see cref="SubmitAsync"/> (the player's turn), and watch <see cref="EventAppended"/>.
/// </summary>
public sealed partial class GameSession
{
    private readonly AppliedLog _log = new();
    private readonly List<ModelCall> _calls = [];
    private readonly Observations _observations = new();
    private readonly StateMachine<NarratorPhase, NarratorTrigger> _machine;
    private readonly RoundPipeline _pipeline;
    private readonly List<Checkpoint> _checkpoints = [];
    private long _nextStep;
    private long? _head;

    public GameSession(WorldDefinition world, Cast cast, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(cast);
        if (cast.Player is { } player && world.FindCharacter(player) is null)
        {
            throw new ArgumentException($"The world has no character '{player}' to play.", nameof(cast));
        }
        Cast = cast;
        Options = options ?? new SessionOptions();
        State = WorldState.Initial(world);
        Narrator = new NarratorState { NextScene = Options.StartScene };
        _machine = NarratorMachine.Create(() => Narrator.Phase, phase => Become(Narrator with { Phase = phase }));
        _pipeline = new RoundPipeline(this);
    }

    public WorldState State { get; private set; }
    /// <summary>Where the narrator stands; written only through <see cref="Become"/>.</summary>
    public NarratorState Narrator { get; private set; }
    public Cast Cast { get; }
    public SessionOptions Options { get; }
    public IReadOnlyList<LogEntry> Log => _log;
    public IReadOnlyList<ModelCall> Calls => _calls;

    /// <summary>
    /// Raised after each event is applied, with its observers, the states around it and its text per viewer; views
    /// show those their reader perceived. The trajectory sink receives the same value first.
    /// </summary>
    public event EventHandler<AppliedEvent>? EventAppended;

    public bool IsFinished => Narrator.Phase == NarratorPhase.Finished;

    /// <summary>Play has stopped for the human's turn.</summary>
    public bool AwaitingPlayer =>
        !IsFinished && Narrator.Phase == NarratorPhase.ActorTurn && Cast.Player is { } player
        && !Narrator.Queue.IsEmpty && Narrator.Queue[0] == player && !Core.Rules.SceneRules.GoalReached(State);

    /// <summary>Advances the story until the player must act or it ends.</summary>
    public async Task RunAsync(CancellationToken cancellation = default)
    {
        while (!IsFinished && !AwaitingPlayer)
        {
            cancellation.ThrowIfCancellationRequested();
            await StepAsync(cancellation);
        }
        // The player's turn, and the ending, are the points a save can stand at.
        if (AwaitingPlayer || IsFinished)
        {
            MarkCheckpoint();
        }
    }

    /// <summary>Performs the current phase's work and moves to the next phase.</summary>
    public async Task StepAsync(CancellationToken cancellation = default)
    {
        Advance(await _pipeline.PerformAsync(Narrator, cancellation));
    }

    /// <summary>Takes the state a phase left, then lets the machine move the phase on by the phase's trigger.</summary>
    private void Advance(PhaseOutcome outcome)
    {
        Become(outcome.Narrator);
        if (outcome.Trigger is { } fired)
        {
            _machine.Fire(fired);
        }
    }

    /// <summary>
    /// The one place the narrator's state is written: phases compute it, the machine moves its phase, undo and
    /// resume restore it, and all of them come through here.
    /// </summary>
    private void Become(NarratorState narrator) => Narrator = narrator;

    /// <summary>The player's turn, as parsed from what they typed; then the story runs on.</summary>
    public async Task SubmitAsync(CharacterTurn turn, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!AwaitingPlayer)
        {
            throw new InvalidOperationException("It is not the player's turn: call RunAsync until AwaitingPlayer is true.");
        }
        ForgetUndone();
        RecordHumanDecision(Cast.Player!, PlayerDecisions.TurnSchema, JsonSerializer.SerializeToNode(turn, TrajectoryJson.Options));
        Advance(new PhaseOutcome(NarratorTrigger.TurnTaken, _pipeline.ApplyTurn(Narrator, Cast.Player!, turn)));
        await RunAsync(cancellation);
    }

    /// <summary>Everything the character perceived so far, in its own words.</summary>
    public ImmutableArray<Observation> ObservationsOf(string character) => _observations.For(character);

    internal CharacterView ViewOf(string character) =>
        ViewBuilder.For(State, character, _observations.For(character), Narrator.Directions.GetValueOrDefault(character), Options.Seed);

    internal NarratorView NarratorView()
    {
        var applied = _log.Applied;
        var roundStart = applied.Count - 1;
        while (roundStart >= 0 && applied[roundStart].Event is not (WorldEvent.RoundStarted or WorldEvent.SceneStarted))
        {
            roundStart--;
        }
        var round = applied.Skip(Math.Max(roundStart, 0));
        var summaries = _log.Select(e => e.Event).OfType<WorldEvent.Narrated>()
            .Where(n => n.Kind == NarrationKind.Summary).Select(n => n.Text);
        return new NarratorView(State, [.. round], string.Join("\n", summaries.TakeLast(6)));
    }

    /// <summary>Applies one event, works out who perceived it, and records it.</summary>
    internal void Append(WorldEvent e, string? actor = null)
    {
        var before = State;
        var after = before.Apply(e);
        var entry = new LogEntry
        {
            Step = _nextStep++,
            Parent = _head,
            Scene = after.Scene?.Id ?? before.Scene?.Id ?? "",
            Round = after.Scene?.Round ?? 0,
            Phase = Narrator.Phase,
            Time = after.Clock,
            Actor = actor,
            Observed = new ObservedEvent(e, Core.Perception.Perception.Observers(before, after, e)),
        };
        var applied = new AppliedEvent(entry, before, after);
        State = after;
        _head = entry.Step;
        _log.Add(applied);
        _observations.Add(applied);
        Options.Trajectory?.Event(applied);
        EventAppended?.Invoke(this, applied);
    }

    /// <summary>Reserves the next step for a model or authored decision, with the seed derived for it.</summary>
    /// <summary>Raised as an agent is asked for a decision (a character, the narrator), before any model runs: views show "Maud is thinking…".</summary>
    public event EventHandler<Role>? CallStarting;

    internal AgentCall NewCall(Role role)
    {
        if (role.Kind != RoleKind.Player)
        {
            CallStarting?.Invoke(this, role);
        }
        var step = _nextStep++;
        return AgentCall.Seeded(Options.Seed, step, role, Narrator.Phase) with { FollowUp = () => NewCall(role) };
    }

    /// <summary>
    /// A person's decision goes into the record like a model's, under the role "player:ID", so a replay can feed it
    /// back at the same point and an export can tell human turns from generated ones.
    /// </summary>
    internal void RecordHumanDecision(string character, string schema, JsonNode? decision)
    {
        var call = NewCall(PlayerRole(character));
        Record([new ModelCall { Call = call, Model = HumanModel, Schema = schema, Parsed = decision, Raw = decision?.ToJsonString() ?? "" }]);
    }

    /// <summary>The model name recorded for decisions a person made.</summary>
    public const string HumanModel = "human";

    public static Role PlayerRole(string character) => Role.Player(character);

    internal void Record(IEnumerable<ModelCall> calls)
    {
        foreach (var call in calls)
        {
            _calls.Add(call);
            Options.Trajectory?.ModelCall(call, _head, State.Scene?.Id ?? "", State.Scene?.Round ?? 0);
        }
    }
}

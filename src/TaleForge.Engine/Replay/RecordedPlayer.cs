using System.Text.Json;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// Plays a session with the human player's recorded decisions: each <see cref="PlayerDecisions.TurnSchema"/> is submitted and each
/// <see cref="PlayerDecisions.QuerySchema"/> asked when the story waits for the player, in the order they were made; with the whole tree,
/// the player's undo, redo and rewind too.
/// </summary>
public sealed class RecordedPlayer
{
    // Player calls (decisions) and, with the whole tree, checkpoints that record a move (undo, redo, rewind).
    private readonly IReadOnlyList<TrajectoryRecord> _decisions;
    private readonly bool _followBranches;

    private RecordedPlayer(IReadOnlyList<TrajectoryRecord> decisions, bool followBranches)
    {
        _decisions = decisions;
        _followBranches = followBranches;
    }

    /// <summary>
    /// Every decision and move in the file, undo, redo and retry included, each made where and as the player made
    /// it, so the re-run grows the same tree with the same step numbers and checkpoints.
    /// </summary>
    public static RecordedPlayer WholeTree(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return new RecordedPlayer(DecisionsAndMoves(trajectory), followBranches: true);
    }

    /// <summary>The decisions of the main branch only, in order, wherever the re-played story asks for them.</summary>
    public static RecordedPlayer MainBranch(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return new RecordedPlayer([.. trajectory.MainBranch().OfType<CallRecord>().Where(c => c.Player is not null)], followBranches: false);
    }

    /// <summary>Runs the session to its end, or to where the recorded player stopped; returns what did not fit.</summary>
    public async Task<IReadOnlyList<string>> PlayAsync(GameSession session, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var notes = new List<string>();
        await session.RunAsync(cancellation);
        foreach (var record in _decisions)
        {
            if (session.Cast.Player is not { } player)
            {
                break;
            }
            if (record is not CallRecord decision)
            {
                if (!Move(session, record.Parent))
                {
                    notes.Add($"line {record.Line}: the player went back to step {record.Parent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(start)"}, which the re-run cannot reach.");
                    break;
                }
                continue;
            }
            if (_followBranches && !ReturnTo(session, decision.Parent))
            {
                notes.Add($"step {decision.Step}: the player decided after step {decision.Parent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(start)"}, which the re-run cannot return to.");
                break;
            }
            if (!session.AwaitingPlayer)
            {
                notes.Add($"step {decision.Step}: the recording has the player deciding here, but the re-run is not waiting for the player ({(session.IsFinished ? "the story is over" : $"phase {session.Narrator.Phase}")}).");
                break;
            }
            switch (decision.Schema)
            {
                case PlayerDecisions.QuerySchema:
                    session.Ask(player, Decode<Query>(decision));
                    break;
                case PlayerDecisions.TurnSchema:
                    await session.SubmitAsync(Decode<CharacterTurn>(decision), cancellation);
                    break;
                default:
                    notes.Add($"step {decision.Step}: a player decision of unknown kind '{decision.Schema}' was skipped.");
                    break;
            }
        }
        return notes;
    }

    /// <summary>
    /// The decisions in file order, with each checkpoint that follows another checkpoint directly: the session
    /// writes one checkpoint where play stops, so a second one with nothing played between is the player moving.
    /// </summary>
    private static List<TrajectoryRecord> DecisionsAndMoves(TrajectoryFile trajectory)
    {
        var sequence = new List<TrajectoryRecord>();
        TrajectoryRecord? previous = null;
        foreach (var record in trajectory.Records)
        {
            if (record is CallRecord { Player: not null } || (record is CheckpointRecord && previous is CheckpointRecord))
            {
                sequence.Add(record);
            }
            previous = record;
        }
        return sequence;
    }

    /// <summary>One recorded move: a rewind where play already stands, else an undo back or a redo forward.</summary>
    private static bool Move(GameSession session, long? step)
    {
        if (Head(session) == step)
        {
            session.Rewind();
            return true;
        }
        var earlier = step is null || session.Log.Any(e => e.Step == step);
        while (Head(session) != step && (earlier ? session.Undo() : session.Redo()))
        {
        }
        return Head(session) == step;
    }

    private static bool ReturnTo(GameSession session, long? step)
    {
        if (Head(session) == step)
        {
            return true;
        }
        // Back to the last point the player was asked (what an interrupted turn does); then back along the story
        // (undo) to an earlier step, or forward again (redo) to one undone before. Each move writes a checkpoint,
        // as the player's own moves did, so the re-run's file keeps the recorded shape.
        if (!session.AwaitingPlayer)
        {
            session.Rewind();
        }
        var earlier = step is null || session.Log.Any(e => e.Step == step);
        while (Head(session) != step && (earlier ? session.Undo() : session.Redo()))
        {
        }
        return Head(session) == step;
    }

    private static long? Head(GameSession session) => session.Log.Count > 0 ? session.Log[^1].Step : null;

    private static T Decode<T>(CallRecord decision) where T : class
    {
        try
        {
            return decision.Parsed?.Deserialize<T>(TrajectoryJson.Options)
                ?? throw new Core.TaleForgeException($"step {decision.Step}: the player's {decision.Schema} has no value.");
        }
        catch (JsonException e)
        {
            throw new Core.TaleForgeException($"step {decision.Step}: the player's {decision.Schema} cannot be read ({e.Message}).");
        }
    }
}

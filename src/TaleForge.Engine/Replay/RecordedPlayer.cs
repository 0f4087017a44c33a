using System.Text.Json;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// Plays a session with the human player's recorded decisions: each "player_turn" is submitted and each
/// "player_query" asked when the story waits for the player, in the order they were made.
/// </summary>
public sealed class RecordedPlayer
{
    private readonly IReadOnlyList<CallRecord> _decisions;
    private readonly bool _followBranches;

    private RecordedPlayer(IReadOnlyList<CallRecord> decisions, bool followBranches)
    {
        _decisions = decisions;
        _followBranches = followBranches;
    }

    /// <summary>
    /// Every decision in the file, undo and retry included: before each one the session goes back to the point
    /// it was made from, as the player did, so the re-run grows the same tree with the same step numbers.
    /// </summary>
    public static RecordedPlayer WholeTree(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return new RecordedPlayer([.. trajectory.Calls.Where(c => c.Player is not null)], followBranches: true);
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
        foreach (var decision in _decisions)
        {
            if (session.Cast.Player is not { } player)
            {
                break;
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
                case "player_query":
                    session.Ask(player, Decode<Query>(decision));
                    break;
                case "player_turn":
                    await session.SubmitAsync(Decode<CharacterTurn>(decision), cancellation);
                    break;
                default:
                    notes.Add($"step {decision.Step}: a player decision of unknown kind '{decision.Schema}' was skipped.");
                    break;
            }
        }
        return notes;
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

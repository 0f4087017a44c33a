using System.Text.Json.Nodes;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>Where a preference pair came from.</summary>
public enum PairSource
{
    /// <summary>A typed request refused a reply and asked again: the accepted reply over the refused one.</summary>
    Reask,

    /// <summary>The player went back and played on (retry, undo): the branch kept over the one abandoned.</summary>
    Retry,

    /// <summary>A turn sampled several times (simulate --candidates): the candidate the judge picked over each other one.</summary>
    Candidate,
}

/// <summary>
/// One DPO pair: the same prompt, the reply preferred and the reply rejected. <paramref name="Alternative"/> numbers
/// the rejected reply among those of one call (a candidate's index), so every pair of a turn has an id of its own.
/// </summary>
public sealed record PreferencePair(PairSource Source, CallRecord Chosen, string ChosenText, CallRecord Rejected, string RejectedText, int? Alternative = null);

/// <summary>
/// Preference pairs found in play. Re-asks: a refused attempt's raw text is rejected in favour of the accepted
/// reply to the same prompt. Retries: sibling branches from one checkpoint (the player's decisions made after
/// returning to the same point); the branch written last is the one the player kept, so the first character
/// call on each abandoned branch is rejected in favour of the call of the same role and schema on the kept one,
/// when their prompts are the same (otherwise the situations differ and the pair would teach nothing).
/// Candidates: a turn sampled several times from one prompt; the candidate played is chosen over every other
/// candidate that wrote something different (a failed candidate's text included, as a refused re-ask's is).
/// </summary>
public static class PreferencePairs
{
    public static IEnumerable<PreferencePair> From(TrajectoryFile trajectory, CallSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        selection ??= CallSelection.All;
        return Reasks(trajectory, selection).Concat(Retries(trajectory, selection)).Concat(Candidates(trajectory, selection));
    }

    /// <summary>The pair as a DPO record: conversational prompt, chosen and rejected assistant turns.</summary>
    public static JsonObject ToJson(TrajectoryFile trajectory, PreferencePair pair)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(pair);
        return new JsonObject
        {
            ["id"] = $"{CallSelection.Id(trajectory, pair.Chosen)}-{pair.Rejected.Step}" + (pair.Alternative is { } k ? $"-c{k + 1}" : ""),
            ["source"] = pair.Source switch { PairSource.Reask => "reask", PairSource.Retry => "retry", _ => "candidate" },
            ["prompt"] = InstructionRecords.Messages(pair.Chosen, reply: null),
            ["chosen"] = new JsonArray(InstructionRecords.Turn("role", "assistant", "content", pair.ChosenText)),
            ["rejected"] = new JsonArray(InstructionRecords.Turn("role", "assistant", "content", pair.RejectedText)),
        };
    }

    private static IEnumerable<PreferencePair> Reasks(TrajectoryFile trajectory, CallSelection selection) =>
        from call in trajectory.Calls
        where selection.Includes(call) && call.Failure is null && call.Parsed is not null
        from attempt in call.Attempts
        where attempt.Raw.Trim().Length > 0 && attempt.Raw != call.Raw
        select new PreferencePair(PairSource.Reask, call, call.Raw, call, attempt.Raw);

    private static IEnumerable<PreferencePair> Candidates(TrajectoryFile trajectory, CallSelection selection) =>
        from call in trajectory.Calls
        where selection.Includes(call) && call.Failure is null && call.Parsed is not null && call.Candidates is not null
        from candidate in call.Candidates!.Turns.Select((turn, index) => (Turn: turn, Index: index))
        where candidate.Index != call.Candidates!.Chosen && candidate.Turn.Raw.Trim().Length > 0 && candidate.Turn.Raw != call.Raw
        select new PreferencePair(PairSource.Candidate, call, call.Raw, call, candidate.Turn.Raw, candidate.Index);

    private static IEnumerable<PreferencePair> Retries(TrajectoryFile trajectory, CallSelection selection)
    {
        var order = new Dictionary<TrajectoryRecord, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < trajectory.Records.Length; i++)
        {
            order[trajectory.Records[i]] = i;
        }
        var decisions = trajectory.Calls.Where(c => c.Player is not null).ToList();
        foreach (var point in decisions.GroupBy(d => d.Parent))
        {
            var starts = point.OrderBy(d => order[d]).ToList();
            if (starts.Count < 2)
            {
                continue;
            }
            // Each branch runs in the file from its first decision to the next sibling's; the last runs to the end.
            var spans = starts.Select((start, i) => (From: order[start], To: i + 1 < starts.Count ? order[starts[i + 1]] : trajectory.Records.Length)).ToList();
            var kept = FirstCharacterCall(trajectory, spans[^1], selection, role: null, schema: null);
            if (kept is null)
            {
                continue;
            }
            foreach (var span in spans[..^1])
            {
                if (FirstCharacterCall(trajectory, span, selection, kept.Role, kept.Schema) is { } abandoned
                    && abandoned.Prompt.SequenceEqual(kept.Prompt) && abandoned.Raw != kept.Raw)
                {
                    yield return new PreferencePair(PairSource.Retry, kept, kept.Raw, abandoned, abandoned.Raw);
                }
            }
        }
    }

    private static CallRecord? FirstCharacterCall(TrajectoryFile trajectory, (int From, int To) span, CallSelection selection, Role? role, string? schema)
    {
        for (var i = span.From; i < span.To; i++)
        {
            if (trajectory.Records[i] is CallRecord { Character: not null, Failure: null, Parsed: not null } call && selection.Includes(call)
                && (role is null || (call.Role == role && call.Schema == schema)))
            {
                return call;
            }
        }
        return null;
    }
}

using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>
/// Turns a character took and how many of them the rules refused. A turn is the run of events its actor produced
/// in the turn phase (the action, the line, the command's outcome); it is vetoed when that run holds a veto.
/// Reactions are not turns.
/// </summary>
public static class VetoedTurns
{
    public static IReadOnlyDictionary<string, (int Turns, int Vetoed)> Of(PlayedEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var counts = new Dictionary<string, (int Turns, int Vetoed)>(StringComparer.Ordinal);
        string? actor = null;
        var vetoed = false;
        void Close()
        {
            if (actor is not null)
            {
                var (turns, refused) = counts.GetValueOrDefault(actor);
                counts[actor] = (turns + 1, refused + (vetoed ? 1 : 0));
            }
            actor = null;
            vetoed = false;
        }
        foreach (var e in episode.Path)
        {
            if (e.Phase != NarratorPhase.ActorTurn)
            {
                Close();
                continue;
            }
            // Triggers fired by a turn belong to no one and do not end it.
            if (e.Actor is not { } who)
            {
                continue;
            }
            if (who != actor)
            {
                Close();
                actor = who;
            }
            vetoed |= e.Event is WorldEvent.Vetoed v && v.Character == who;
        }
        Close();
        return counts;
    }
}

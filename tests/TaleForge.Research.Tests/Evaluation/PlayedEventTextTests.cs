using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Tests.Evaluation;

/// <summary>Evaluation reads an event as it was told when it was played, and words it again only for older files.</summary>
public class PlayedEventTextTests
{
    private static PlayedEvent Played(string? text, ImmutableSortedDictionary<string, string>? observations = null)
    {
        var world = TestWorld.Harbour();
        var took = new WorldEvent.Took("mara", "lantern", "quay");
        var line = new EventRecord(4, 3, 5)
        {
            Scene = "arrival",
            Round = 1,
            Phase = NarratorPhase.ActorTurn,
            Actor = "mara",
            Observers = ["mara", "tomas"],
            Event = took,
            Text = text,
            Observations = observations ?? ImmutableSortedDictionary<string, string>.Empty,
        };
        var recorded = new RecordedEvent(4, 5, 1, NarratorPhase.ActorTurn, "mara", line.Observers, took) { Source = line };
        return new PlayedEvent(recorded, WorldState.Initial(world).Apply([took]));
    }

    [Fact]
    public void The_recorded_text_is_what_evaluation_reads_for_the_narrator_and_each_observer()
    {
        var played = Played("Mara lifts the lantern off its hook.", ImmutableSortedDictionary<string, string>.Empty.Add("mara", "You lift the lantern."));

        Assert.Equal("Mara lifts the lantern off its hook.", played.TextFor(viewer: null));
        Assert.Equal("You lift the lantern.", played.TextFor("mara"));
        Assert.Equal("Mara lifts the lantern off its hook.", played.TextFor("tomas"));
        Assert.Null(played.TextFor("nobody-here"));
    }

    [Fact]
    public void An_older_line_without_text_is_worded_again_from_the_state_after_it()
    {
        var played = Played(text: null);

        var told = played.TextFor(viewer: null);
        Assert.NotNull(told);
        Assert.Contains("lantern", told, StringComparison.Ordinal);
        Assert.NotEqual("Mara lifts the lantern off its hook.", told);
    }
}

using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Core.State;
using static TaleForge.Core.Perception.Perception;

namespace TaleForge.Core.Tests;

/// <summary>A trigger's narration is heard where its author says: the scene's place, next door too, or everywhere.</summary>
public class TriggerHearingTests
{
    // Mara and Tomas stand on the quay; Ines is in the tower, one exit north; the lamp room above it is empty.
    private static readonly WorldState Start = WorldState.Initial(TestWorld.Harbour());

    private static WorldEvent.Narrated Gull(string at, Hearing? heard) =>
        new("A gull screams.", NarrationKind.Trigger) { Location = at, Heard = heard };

    private static string[] Heard(WorldEvent e) => [.. Observers(Start, Start.Apply(e), e)];

    [Fact]
    public void By_default_a_trigger_is_heard_only_in_the_scenes_place()
    {
        Assert.Equal(["mara", "tomas"], Heard(Gull("quay", null)));
    }

    [Fact]
    public void Heard_adjacent_reaches_one_exit_away_and_says_where_it_came_from()
    {
        var gull = Gull("quay", Hearing.Adjacent);

        Assert.Equal(["ines", "mara", "tomas"], Heard(gull));
        Assert.Equal(["ines"], Heard(Gull("lamp_room", Hearing.Adjacent)));
        Assert.Equal($"From {Start.World.Location("quay").Name}: A gull screams.", EventText.Describe(gull, Start, "ines"));
        Assert.Equal("A gull screams.", EventText.Describe(gull, Start, "mara"));
    }

    [Fact]
    public void Heard_everywhere_reaches_every_character_as_written()
    {
        var gull = Gull("lamp_room", Hearing.Everywhere);

        Assert.Equal(["ines", "mara", "tomas"], Heard(gull));
        Assert.Equal("A gull screams.", EventText.Describe(gull, Start, "mara"));
    }

    [Fact]
    public void A_fired_trigger_carries_its_hearing_and_the_default_is_recorded_as_before()
    {
        var world = TestWorld.Harbour();
        var scene = world.Scenes[0] with
        {
            Triggers =
            [
                new TriggerDefinition { Id = "near", When = new Predicate.RoundAtLeast(1), Narrate = "Near." },
                new TriggerDefinition { Id = "far", When = new Predicate.RoundAtLeast(1), Narrate = "Far.", Heard = Hearing.Adjacent },
            ],
        };
        var state = WorldState.Initial(world with { Scenes = [scene] }).Apply(new WorldEvent.SceneStarted(scene.Id)).Apply(new WorldEvent.RoundStarted(1));

        var told = SceneRules.FireTriggers(state).OfType<WorldEvent.Narrated>().ToList();

        Assert.Equal([null, Hearing.Adjacent], told.Select(n => n.Heard));
        Assert.All(told, n => Assert.Equal("quay", n.Location));
    }
}

using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

public class PredicateTests
{
    private static readonly WorldState Start = WorldState.Initial(TestWorld.Harbour())
        .Apply(new WorldEvent.SceneStarted("arrival"))
        .Apply(new WorldEvent.RoundStarted(2));

    public static TheoryData<Predicate, bool> Cases => new()
    {
        { new Predicate.Flag("storm"), false },
        { new Predicate.Not(new Predicate.Flag("storm")), true },
        { new Predicate.Holds("tomas", "key"), true },
        { new Predicate.Holds("mara", "key"), false },
        { new Predicate.At("ines", "tower"), true },
        { new Predicate.ItemAt("lantern", "quay"), true },
        { new Predicate.ItemAt("key", "quay"), false },
        { new Predicate.Carrying("key"), true },
        { new Predicate.Carrying("lantern"), false },
        { new Predicate.RoundAtLeast(2), true },
        { new Predicate.RoundAtLeast(3), false },
        { new Predicate.All([new Predicate.At("mara", "quay"), new Predicate.Holds("tomas", "key")]), true },
        { new Predicate.All([new Predicate.At("mara", "quay"), new Predicate.Flag("storm")]), false },
        { new Predicate.Any([new Predicate.Flag("storm"), new Predicate.At("ines", "tower")]), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_predicate_kind_reads_the_state(Predicate predicate, bool expected)
    {
        Assert.Equal(expected, predicate.Holds(Start));
    }

    [Fact]
    public void Carrying_with_a_subject_asks_about_that_character_only()
    {
        Assert.True(new Predicate.Carrying("key").Holds(Start, "tomas"));
        Assert.False(new Predicate.Carrying("key").Holds(Start, "mara"));
    }

    [Fact]
    public void Walk_visits_every_nested_term()
    {
        var tree = new Predicate.All([new Predicate.Not(new Predicate.Flag("a")), new Predicate.Any([new Predicate.Flag("b")])]);
        Assert.Equal(["a", "b"], tree.Walk().OfType<Predicate.Flag>().Select(f => f.Name));
    }
}

using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

public class RulebookTests
{
    private static readonly WorldState Start = WorldState.Initial(TestWorld.Harbour());

    private static Resolution Command(WorldState state, string actor, WorldCommand command) =>
        Rulebook.Resolve(state, actor, command);

    [Fact]
    public void Taking_an_item_that_lies_here_moves_it_into_the_takers_hands()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Take("lamp"));

        Assert.True(resolution.Accepted);
        Assert.Equal<WorldEvent>([new WorldEvent.Took("mara", "lantern", "quay")], resolution.Events);
        Assert.True(Start.Apply(resolution.Events).Carries("mara", "lantern"));
    }

    [Fact]
    public void Taking_a_fixed_item_is_refused_and_changes_nothing()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Take("the old anchor"));

        Assert.Equal(new VetoReason.NotPortable("anchor"), resolution.Veto);
        var after = Start.Apply(resolution.Events);
        Assert.Equal(ItemPlace.At("quay"), after.Items["anchor"]);
        Assert.Equal(Start.Items, after.Items);
    }

    [Fact]
    public void Taking_what_someone_else_carries_is_refused_as_not_here()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Take("key"));
        Assert.Equal(new VetoReason.ItemNotHere("key"), resolution.Veto);
    }

    [Fact]
    public void Taking_something_that_does_not_exist_names_what_was_asked_for()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Take("unicorn"));
        Assert.Equal(new VetoReason.UnknownItem("unicorn"), resolution.Veto);
        Assert.Equal("take unicorn", Assert.IsType<WorldEvent.Vetoed>(resolution.Events.Single()).Attempt);
    }

    [Fact]
    public void Dropping_requires_carrying()
    {
        Assert.Equal(new VetoReason.NotCarrying("lantern"), Command(Start, "mara", new WorldCommand.Drop("lantern")).Veto);

        var holding = Start.Apply(Command(Start, "mara", new WorldCommand.Take("lantern")).Events);
        var drop = Command(holding, "mara", new WorldCommand.Drop("lantern"));
        Assert.Equal<WorldEvent>([new WorldEvent.Dropped("mara", "lantern", "quay")], drop.Events);
    }

    [Fact]
    public void Giving_moves_the_item_between_two_characters_in_one_event()
    {
        var resolution = Command(Start, "tomas", new WorldCommand.Give("iron key", "Mara"));

        Assert.Equal<WorldEvent>([new WorldEvent.Gave("tomas", "key", "mara")], resolution.Events);
        var after = Start.Apply(resolution.Events);
        Assert.True(after.Carries("mara", "key"));
        Assert.False(after.Carries("tomas", "key"));
    }

    [Theory]
    [InlineData("ines", "Absent")]
    [InlineData("tomas", "SelfTarget")]
    [InlineData("nobody", "UnknownCharacter")]
    public void Giving_to_someone_who_cannot_receive_is_refused(string recipient, string reason)
    {
        var resolution = Command(Start, "tomas", new WorldCommand.Give("key", recipient));
        Assert.Equal(reason, resolution.Veto!.GetType().Name);
        Assert.True(Start.Apply(resolution.Events).Carries("tomas", "key"));
    }

    [Fact]
    public void Going_through_an_exit_by_direction_abbreviation_moves_the_character()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Go("n"));
        Assert.Equal<WorldEvent>([new WorldEvent.Moved("mara", "quay", "tower", "north")], resolution.Events);
        Assert.Equal("tower", Start.Apply(resolution.Events).LocationOf("mara"));
    }

    [Fact]
    public void A_conditional_exit_is_blocked_with_the_authors_text_until_its_condition_holds()
    {
        var atTower = Start.Apply(Command(Start, "mara", new WorldCommand.Go("north")).Events);

        var blocked = Command(atTower, "mara", new WorldCommand.Go("up"));
        Assert.Equal(new VetoReason.ExitBlocked("up", "The trapdoor is bolted from above."), blocked.Veto);

        var withFlag = atTower.Apply(new WorldEvent.FlagSet("trapdoor_open"));
        Assert.True(Command(withFlag, "mara", new WorldCommand.Go("trapdoor")).Accepted);
    }

    [Fact]
    public void Carrying_in_an_exit_condition_means_the_one_who_moves()
    {
        var tomasAtTower = Start.Apply(new WorldEvent.Moved("tomas", "quay", "tower", "north"));
        var maraAtTower = tomasAtTower.Apply(new WorldEvent.Moved("mara", "quay", "tower", "north"));

        Assert.True(Command(maraAtTower, "tomas", new WorldCommand.Go("up")).Accepted);
        Assert.False(Command(maraAtTower, "mara", new WorldCommand.Go("up")).Accepted);
    }

    [Fact]
    public void An_unknown_direction_is_refused_with_the_text_that_was_tried()
    {
        var resolution = Command(Start, "mara", new WorldCommand.Go("west"));
        Assert.Equal(new VetoReason.NoSuchExit("west"), resolution.Veto);
    }

    [Fact]
    public void A_turn_aimed_at_someone_elsewhere_is_refused_whole()
    {
        var turn = new CharacterTurn { Action = "waves", Dialogue = "Hello!", Targets = ["Ines"] };
        var resolution = Rulebook.Resolve(Start, "mara", turn);

        Assert.Equal(new VetoReason.Absent("ines"), resolution.Veto);
        Assert.IsType<WorldEvent.Vetoed>(Assert.Single(resolution.Events));
    }

    [Fact]
    public void A_turn_with_action_command_and_line_produces_them_in_that_order()
    {
        var turn = new CharacterTurn
        {
            Action = "hands over the key without a word",
            Command = new WorldCommand.Give("key", "mara"),
            Dialogue = "Don't lose it.",
            Targets = ["mara"],
        };
        var resolution = Rulebook.Resolve(Start, "tomas", turn);

        Assert.True(resolution.Accepted);
        Assert.Collection(
            resolution.Events,
            e => Assert.Equal(new WorldEvent.Acted("tomas", "hands over the key without a word") { Targets = ["mara"] }, e),
            e => Assert.Equal(new WorldEvent.Gave("tomas", "key", "mara"), e),
            e => Assert.Equal(new WorldEvent.Said("tomas", "Don't lose it.") { To = ["mara"] }, e));
    }

    [Fact]
    public void An_empty_turn_becomes_waiting()
    {
        var resolution = Rulebook.Resolve(Start, "mara", new CharacterTurn());
        Assert.Equal<WorldEvent>([new WorldEvent.Acted("mara", "waits")], resolution.Events);
    }

    [Fact]
    public void Nothing_can_happen_after_the_story_has_ended()
    {
        var over = Start.Apply(new WorldEvent.StoryEnded("done"));
        Assert.Equal(new VetoReason.StoryOver(), Rulebook.Resolve(over, "mara", new CharacterTurn { Action = "sings" }).Veto);
    }
}

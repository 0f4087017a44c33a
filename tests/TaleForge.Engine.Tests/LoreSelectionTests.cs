using System.Collections.Immutable;
using TaleForge.Content.Importers.Cards;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

/// <summary>Which lore a character's prompt holds: keys and secondary keys, switches, chance, recursion and the budget.</summary>
public class LoreSelectionTests
{
    private static LoreKey Word(string word) => new(word, false);

    private static LoreEntry Entry(string id, string key, string text = "", int priority = 0) =>
        new() { Id = id, Keys = [Word(key)], Text = text.Length > 0 ? text : $"About the {key}.", Priority = priority };

    private static WorldState State(LoreSettings? settings = null, params LoreEntry[] lore)
    {
        var world = TestWorld.Harbour();
        return WorldState.Initial(new WorldDefinition
        {
            Info = world.Info with { LoreSettings = settings ?? new LoreSettings() },
            Locations = world.Locations,
            Items = world.Items,
            Characters = world.Characters,
            Scenes = world.Scenes,
            Lore = [.. lore],
        });
    }

    private static string[] Chosen(WorldState state, params string[] recent) =>
        [.. LoreSelection.Select(state, "tomas", recent, seed: 1, step: 3).Select(e => e.Id)];

    [Theory]
    [InlineData(LoreLogic.AndAny, "the lamp and the oil", true)]
    [InlineData(LoreLogic.AndAny, "the lamp alone", false)]
    [InlineData(LoreLogic.AndAll, "the lamp, the oil and the wick", true)]
    [InlineData(LoreLogic.AndAll, "the lamp and the oil", false)]
    [InlineData(LoreLogic.NotAny, "the lamp alone", true)]
    [InlineData(LoreLogic.NotAny, "the lamp and the wick", false)]
    [InlineData(LoreLogic.NotAll, "the lamp and the oil", true)]
    [InlineData(LoreLogic.NotAll, "the lamp, the oil and the wick", false)]
    public void Secondary_keys_combine_with_a_primary_match_by_their_logic(LoreLogic logic, string text, bool included)
    {
        var entry = Entry("lamp", "lamp") with { SecondaryKeys = [Word("oil"), Word("wick")], Logic = logic };

        Assert.Equal(included, Chosen(State(null, entry), text).Contains("lamp"));
    }

    [Fact]
    public void A_switched_off_entry_and_one_whose_condition_fails_are_left_out()
    {
        var off = Entry("off", "lamp") with { Enabled = false };
        var flagged = Entry("flagged", "lamp") with { When = new Predicate.Flag("storm") };
        var state = State(null, off, flagged);

        Assert.Empty(Chosen(state, "the lamp"));
        Assert.Equal(["flagged"], Chosen(state with { Flags = state.Flags.Add("storm") }, "the lamp"));
    }

    [Fact]
    public void Probability_is_rolled_from_the_seed_so_the_same_turn_always_agrees()
    {
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"e{i}", "lamp") with { Probability = 50 }).ToArray();
        var state = State(null, entries);

        var first = LoreSelection.Select(state, "tomas", ["the lamp"], seed: 7, step: 12).Select(e => e.Id).ToList();
        var again = LoreSelection.Select(state, "tomas", ["the lamp"], seed: 7, step: 12).Select(e => e.Id).ToList();
        var otherSeed = LoreSelection.Select(state, "tomas", ["the lamp"], seed: 8, step: 12).Select(e => e.Id).ToList();

        Assert.Equal(first, again);
        Assert.InRange(first.Count, 10, 30);
        Assert.NotEqual(first, otherSeed);
        Assert.Empty(LoreSelection.Select(State(null, Entry("never", "lamp") with { Probability = 0 }), "tomas", ["the lamp"], 7, 12));
    }

    [Fact]
    public void Recursion_follows_keys_in_chosen_lore_only_as_deep_as_the_world_allows()
    {
        var chain = new[]
        {
            Entry("lamp", "lamp", "The lamp burns oil."),
            Entry("oil", "oil", "The oil comes from whales."),
            Entry("whales", "whales", "Whales pass in winter."),
        };

        Assert.Equal(["lamp"], Chosen(State(null, chain), "the lamp"));
        Assert.Equal(["lamp", "oil"], Chosen(State(new LoreSettings { RecursionDepth = 1 }, chain), "the lamp"));
        Assert.Equal(["lamp", "oil", "whales"], Chosen(State(new LoreSettings { RecursionDepth = 5 }, chain), "the lamp"));
    }

    [Fact]
    public void The_token_budget_keeps_the_highest_priorities_that_fit()
    {
        var low = Entry("low", "lamp", new string('a', 40), priority: 1);
        var high = Entry("high", "lamp", new string('b', 40), priority: 9);
        var big = Entry("big", "lamp", new string('c', 400), priority: 5);

        Assert.Equal(["high", "big", "low"], Chosen(State(null, low, high, big), "lamp"));
        Assert.Equal(["high", "low"], Chosen(State(new LoreSettings { TokenBudget = 25 }, low, high, big), "lamp"));
        Assert.Equal(10, LoreSelection.EstimatedTokens(new string('a', 40)));
        Assert.Equal(4, LoreSelection.EstimatedTokens("灯塔守人"));
    }

    [Fact]
    public void Scan_depth_limits_how_far_back_keys_are_looked_for()
    {
        var near = Entry("near", "lamp") with { ScanDepth = 1 };
        var far = Entry("far", "lamp");

        Assert.Equal(["far"], Chosen(State(null, near, far), "the lamp", "the sea"));
        Assert.Empty(Chosen(State(new LoreSettings { ScanDepth = 1 }, far), "the lamp", "the sea"));
    }

    [Fact]
    public void Case_sensitive_and_anywhere_keys_match_as_they_say()
    {
        Assert.True(new LoreKey("Ardent", false, caseSensitive: true).Matches("the Ardent sank"));
        Assert.False(new LoreKey("Ardent", false, caseSensitive: true).Matches("an ardent wish"));
        Assert.True(new LoreKey("cat", false, wholeWords: false).Matches("a category"));
        Assert.False(new LoreKey("cat", false).Matches("a category"));
    }

    [Fact]
    public async Task Lore_from_an_imported_card_fires_when_its_keys_are_spoken_in_play()
    {
        using var folder = new TemporaryFolder();
        var card = folder.Write("mira.json", CardFiles.Json(CardFiles.V2()));
        var (world, _) = CardWorld.Create("mira", [card], "Ann");
        var session = new GameSession(world, Cast.Authored(world, player: "player"));
        await session.RunAsync();
        var before = ViewBuilder.For(session.State, "mira-vale", session.ObservationsOf("mira-vale"), null).Lore.Select(l => l.Id).ToList();

        await session.SubmitAsync(new CharacterTurn { Action = "points at the lamp", Dialogue = "Does the lamp burn oil all night?" });
        var after = ViewBuilder.For(session.State, "mira-vale", session.ObservationsOf("mira-vale"), null).Lore.Select(l => l.Id).ToList();

        Assert.Equal(["coast"], before);
        Assert.Equal(["lamp", "coast"], after);
    }
}

using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Tests;

/// <summary>Scenes that can never end, conditions that can never hold, and the warnings.</summary>
public class EndingAndWarningTests
{
    // Lines 1-4 are fixed, line 5 is extra (or empty), and scenes start on line 6.
    private static LoadResult Load(string scenes, string extra = "") => WorldLoader.LoadText(
        "spec: taleforge/world@1\n"
        + "world: {id: w, title: W, flags: [dawn]}\n"
        + "locations: [{id: hall, name: Hall}]\n"
        + "characters: [{id: ann, name: Ann, player: true}]\n"
        + (extra.Length > 0 ? extra : "\n")
        + scenes);

    [Fact]
    public void A_scene_with_no_end_at_all_can_never_end()
    {
        var d = Expect.Single(Load("scenes:\n  - id: s\n    location: hall\n"), DiagnosticCodes.SceneNeverEnds);

        Expect.At(d, "world.yaml", 7, 5);
        Assert.Equal("add 'end:' with 'max_rounds: 12', or 'when:' and a condition such as {flag: door_open}, or both", d.Hint);
        Assert.Equal("scene 's' can never end: it has neither 'max_rounds' nor an end condition", d.Message);
    }

    [Fact]
    public void A_scene_waiting_for_a_flag_that_nothing_sets_can_never_end()
    {
        var d = Expect.Single(Load("scenes:\n  - id: s\n    location: hall\n    end: {when: {all: [{flag: dawn}, {flag: door_open}]}}\n"), DiagnosticCodes.SceneNeverEnds);

        Expect.At(d, "world.yaml", 9, 17);
        Assert.StartsWith("make the condition reachable", d.Hint);
        Assert.Equal("scene 's' can never end: its end condition needs the flag 'door_open', which nothing sets", d.Message);
    }

    [Fact]
    public void A_flag_set_by_a_trigger_or_an_authored_reaction_lets_the_scene_end()
    {
        var byTrigger = Load("scenes:\n  - id: s\n    location: hall\n    end: {when: {flag: door_open}}\n    triggers: [{id: t, when: {round: 2}, set_flags: [door_open]}]\n");
        var byLine = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            locations: [{id: hall, name: Hall}]
            characters:
              - {id: ann, name: Ann, player: true}
              - {id: bo, name: Bo, authored: {reactions: [{on: [open], action: opens it, set_flags: [door_open]}]}}
            scenes: [{id: s, location: hall, end: {when: {flag: door_open}}}]
            """);

        Expect.Clean(byTrigger);
        Expect.Clean(byLine);
    }

    [Fact]
    public void Holding_an_item_nobody_can_pick_up_can_never_happen()
    {
        var d = Expect.Single(
            Load("scenes:\n  - id: s\n    location: hall\n    end: {when: {holds: {character: ann, item: anvil}}}\n", "items: [{id: anvil, name: anvil, portable: false}]\n"),
            DiagnosticCodes.SceneNeverEnds);

        Assert.Equal("scene 's' can never end: its end condition needs 'ann' to hold 'anvil', which cannot be picked up and is not carried from the start", d.Message);
    }

    [Fact]
    public void With_max_rounds_an_impossible_end_condition_is_only_a_warning()
    {
        var result = Load("scenes:\n  - id: s\n    location: hall\n    end: {max_rounds: 5, when: {any: [{flag: x}, {flag: y}]}}\n");

        var d = Expect.Single(result, DiagnosticCodes.ConditionNeverHolds);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("the end condition of scene 's' can never hold: it needs one of several things, none of which can happen: the flag 'x', which nothing sets; the flag 'y', which nothing sets; the scene only ends after 5 rounds", d.Message);
        Assert.NotNull(result.World);
    }

    [Fact]
    public void Triggers_and_transitions_that_can_never_fire_are_warnings()
    {
        var result = Load("""
            scenes:
              - id: s
                location: hall
                end: {max_rounds: 2}
                triggers: [{id: t, when: {flag: never}}]
                transitions: [{to: s2, when: {flag: never}}, {to: s2}]
              - {id: s2, location: hall, end: {max_rounds: 1}}
            """);

        Assert.Equal(
            [
                "trigger 't' of scene 's' can never fire: it needs the flag 'never', which nothing sets",
                "the transition from 's' to 's2' can never be taken: it needs the flag 'never', which nothing sets",
            ],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ConditionNeverHolds).Select(d => d.Message));
    }

    [Fact]
    public void Unreachable_locations_unused_items_unplayed_scenes_and_a_missing_player_are_warnings()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            locations:
              - {id: hall, name: Hall}
              - {id: attic, name: Attic, exits: [{direction: down, to: hall}]}
            items: [{id: spoon, name: spoon}]
            characters: [{id: ann, name: Ann, start: {location: hall}}]
            scenes:
              - {id: s, location: hall, end: {max_rounds: 1}}
              - {id: lost, location: hall, end: {max_rounds: 1}}
            """);

        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(
            [
                "world.yaml:2:8 TF303 no character has 'player: true', so no one can play this world",
                "world.yaml:5:5 TF300 no one can reach the location 'attic': no character starts there, no scene is set there, and no exit leads there",
                "world.yaml:6:9 TF301 the item 'spoon' is never placed: no location holds it and no character carries it",
                "world.yaml:10:5 TF304 the scene 'lost' is never played: it is not the start scene and no transition leads to it",
            ],
            result.Diagnostics.Select(d => $"{d.Location} {d.Code} {d.Message}"));
        Assert.NotNull(result.World);
    }

    [Fact]
    public void A_world_without_locations_or_scenes_is_an_error()
    {
        var result = WorldLoader.LoadText("spec: taleforge/world@1\nworld: {id: w, title: W}\n");

        Assert.Equal(["the world has no locations", "the world has no scenes"], result.Diagnostics.Where(d => d.Code == DiagnosticCodes.EmptyWorld).Select(d => d.Message));
    }
}

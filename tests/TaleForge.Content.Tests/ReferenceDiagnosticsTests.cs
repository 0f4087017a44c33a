using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Tests;

/// <summary>Ids that name nothing, ids used twice, and items in two places.</summary>
public class ReferenceDiagnosticsTests
{
    // Two lines, so the body of each test starts on line 3.
    private const string Header = "spec: taleforge/world@1\nworld: {id: w, title: W}\n";

    /// <summary>Each dangling reference as "line:col message", after checking that its position points at the id it names.</summary>
    private static List<string> Dangling(string text)
    {
        var result = WorldLoader.LoadText(text);
        var dangling = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DanglingReference).ToList();
        foreach (var d in dangling)
        {
            // The id is the quoted word just before "', but" (or "', who").
            var end = d.Message.IndexOf("', ", StringComparison.Ordinal);
            var start = d.Message.LastIndexOf('\'', end - 1) + 1;
            Expect.PointsAt(text, d, d.Message[start..end]);
        }
        return [.. dangling.Select(d => $"{d.Line}:{d.Column} {d.Message}")];
    }

    [Fact]
    public void Loading_a_world_with_a_missing_exit_target_reports_file_line_and_name()
    {
        var text = Header + """
            locations:
              - id: hall
                name: Hall
                exits:
                  - direction: down
                    to: celler
              - {id: cellar, name: Cellar, exits: [{direction: up, to: hall}]}
            scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
            """;

        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.DanglingReference);

        Expect.At(d, "world.yaml", 8, 13);
        Assert.Equal("an exit of 'hall' leads to 'celler', but there is no location with that id", d.Message);
        Assert.Equal("did you mean 'cellar'?", d.Hint);
        Expect.PointsAt(text, d, "celler");
    }

    [Fact]
    public void A_missing_scene_location_participant_and_start_scene_are_each_reported()
    {
        var text = """
            spec: taleforge/world@1
            world: {id: w, title: W, start_scene: opening}
            locations: [{id: hall, name: Hall}]
            characters: [{id: ann, name: Ann, player: true}]
            scenes:
              - id: s
                location: hal
                participants: [ann, bob]
                end: {max_rounds: 1}
            """;

        Assert.Equal(
            [
                "2:39 the world starts with scene 'opening', but there is no scene with that id",
                "7:15 scene 's' takes place at 'hal', but there is no location with that id",
                "8:25 scene 's' has the participant 'bob', but there is no character with that id",
            ],
            Dangling(text));
    }

    [Fact]
    public void A_missing_start_location_inventory_item_location_item_and_relationship_are_each_reported()
    {
        var text = Header + """
            locations: [{id: hall, name: Hall, items: [lamp]}]
            items: [{id: key, name: key}]
            characters:
              - id: ann
                name: Ann
                player: true
                relationships: [{with: bob, stance: fond}]
                start: {location: yard, inventory: [key, map]}
            scenes: [{id: s, location: hall, participants: [ann], end: {max_rounds: 1}}]
            """;

        Assert.Equal(
            [
                "3:44 'hall' holds the item 'lamp', but there is no item with that id",
                "9:28 'ann' has a relationship with 'bob', but there is no character with that id",
                "10:23 'ann' starts at 'yard', but there is no location with that id",
                "10:46 'ann' starts carrying 'map', but there is no item with that id",
            ],
            Dangling(text));
    }

    [Fact]
    public void Ids_inside_conditions_acts_transitions_and_reactions_are_checked()
    {
        var text = Header + """
            locations: [{id: hall, name: Hall}]
            items: [{id: key, name: key}]
            characters:
              - id: ann
                name: Ann
                player: true
                start: {inventory: [key]}
                authored:
                  lines:
                    - {scene: nope, action: waits, when: {holds: {character: ann, item: coin}}, act: {give: {item: key, to: zed}}}
                  reactions:
                    - {from: ghost, action: shrugs, when: {not: {item_at: {item: key, location: attic}}}}
            scenes:
              - id: s
                location: hall
                participants: [ann]
                end: {max_rounds: 2, when: {any: [{at: {character: ann, location: roof}}, {carrying: gem}]}}
                transitions: [{to: sequel}]
            """;

        Assert.Equal(
            [
                "12:19 a line of 'ann' belongs to scene 'nope', but there is no scene with that id",
                "12:77 a condition names the item 'coin', but there is no item with that id",
                "12:113 'ann' gives something to 'zed', but there is no character with that id",
                "14:18 a reaction of 'ann' answers 'ghost', but there is no character with that id",
                "14:85 a condition names the location 'attic', but there is no location with that id",
                "19:71 a condition names the location 'roof', but there is no location with that id",
                "19:90 a condition names the item 'gem', but there is no item with that id",
                "20:24 scene 's' moves on to 'sequel', but there is no scene with that id",
            ],
            Dangling(text));
    }

    [Fact]
    public void An_opening_beat_by_someone_outside_the_scene_is_reported()
    {
        var text = Header + """
            locations: [{id: hall, name: Hall}]
            characters: [{id: ann, name: Ann, player: true}, {id: bo, name: Bo}]
            scenes:
              - id: s
                location: hall
                participants: [ann]
                opening: [{actor: bo, action: waves}]
                end: {max_rounds: 1}
            """;

        Assert.Equal(["9:23 an opening beat of 's' is acted by 'bo', who is not a participant of the scene"], Dangling(text));
    }

    [Fact]
    public void Two_entities_with_one_id_are_reported_at_the_second_naming_the_first_even_across_files()
    {
        var first = Header + "locations: [{id: hall, name: Hall}]\nscenes: [{id: s, location: hall, end: {max_rounds: 1}}]\n";
        var second = "spec: taleforge/world@1\nlocations:\n  - {id: hall, name: Great Hall}\n";

        var result = WorldLoader.Load([new SourceFile("world.yaml", "world.yaml", first), new SourceFile("places/more.yaml", "places/more.yaml", second)]);

        var d = Expect.Single(result, DiagnosticCodes.DuplicateId);
        Expect.At(d, "places/more.yaml", 3, 10);
        Expect.PointsAt(second, d, "hall");
        Assert.Equal("there are two locations with the id 'hall' (the first is at world.yaml:3:18)", d.Message);
        Assert.StartsWith("hall", first.Split('\n')[2][17..]);
    }

    [Fact]
    public void Ids_unique_within_an_entity_are_checked_there()
    {
        var text = Header + """
            locations: [{id: hall, name: Hall}]
            scenes:
              - id: s
                location: hall
                end: {max_rounds: 3}
                triggers:
                  - {id: bang, when: {round: 2}}
                  - {id: bang, when: {round: 3}}
            """;

        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.DuplicateId);

        Expect.At(d, "world.yaml", 10, 14);
        Expect.PointsAt(text, d, "bang, when: {round: 3}");
        Assert.Equal("there are two triggers of this scene with the id 'bang' (the first is at world.yaml:9:14)", d.Message);
    }

    [Fact]
    public void An_item_that_starts_in_two_places_is_reported_at_the_second()
    {
        var text = Header + """
            locations: [{id: hall, name: Hall, items: [key]}]
            items: [{id: key, name: key}]
            characters: [{id: ann, name: Ann, player: true, start: {inventory: [key]}}]
            scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
            """;

        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.ItemInTwoPlaces);

        Expect.At(d, "world.yaml", 5, 69);
        Expect.PointsAt(text, d, "key]}}]");
        Assert.Equal("the item 'key' starts in two places: location 'hall' and the inventory of 'ann'", d.Message);
    }

    [Fact]
    public void Two_exits_in_one_direction_are_reported()
    {
        var text = Header + """
            locations:
              - {id: hall, name: Hall, exits: [{direction: north, to: yard}, {direction: north, to: hall}]}
              - {id: yard, name: Yard}
            scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
            """;

        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.DuplicateExit);

        Expect.At(d, "world.yaml", 4, 66);
        Expect.PointsAt(text, d, "{direction: north, to: hall}");
        Assert.Equal("'hall' has two exits named 'north'", d.Message);
    }
}

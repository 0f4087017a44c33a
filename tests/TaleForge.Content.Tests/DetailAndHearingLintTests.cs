using TaleForge.Content.Diagnostics;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests;

/// <summary>Details with aliases, where a trigger is heard, and the two warnings about them (TF305, TF306).</summary>
public class DetailAndHearingLintTests
{
    private const string Header = "spec: taleforge/world@1\nworld: {id: w, title: W}\n";

    private const string Cast = "characters: [{id: ann, name: Ann, player: true, start: {location: hall}}]\n";

    [Fact]
    public void A_detail_is_read_with_its_aliases_and_written_back_with_them()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations:
              - id: hall
                name: Hall
                description: A rope rail runs along the wall.
                details: [{name: rope rail, aliases: [rail, rope], text: Tarred rope.}]
            scenes: [{id: s, location: hall, end: {max_rounds: 2}}]
            """);

        Expect.Clean(result);
        var detail = Assert.Single(result.World!.Locations[0].Details);
        Assert.Equal(["rail", "rope"], detail.Aliases.ToArray());
        Assert.Contains("aliases: [rail, rope]", Writing.WorldWriter.ToYaml(result.World), StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_naming_a_thing_that_is_a_detail_elsewhere_but_not_here_is_warned_about()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations:
              - id: hall
                name: Hall
                description: A bell hangs by the door, and bells ring far off.
                exits: [{direction: east, to: yard}]
              - id: yard
                name: Yard
                description: An empty yard.
                exits: [{direction: west, to: hall}]
                details: [{name: brass bell, text: Green with age.}]
            scenes: [{id: s, location: hall, end: {max_rounds: 2}}]
            """);

        var d = Expect.Single(result, DiagnosticCodes.DescriptionNamesNoDetail);
        Assert.False(d.IsError);
        Assert.StartsWith("the description of location 'hall' names \u201cbell\u201d, but no detail, item, character or exit there is called that", d.Message);
        Assert.Contains("details: [{name: bell, text: ...}]", d.Hint, StringComparison.Ordinal);
        Expect.At(d, "world.yaml", 7, 18);
    }

    [Fact]
    public void A_word_covered_by_an_alias_an_item_or_an_exit_label_is_not_warned_about()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations:
              - id: hall
                name: Hall
                description: A bell, two cans and the tower door.
                items: [can]
                exits: [{direction: in, label: the tower door, to: yard}]
                details: [{name: ship's bell, aliases: [bell], text: Old.}]
              - id: yard
                name: Yard
                description: A yard below a tower.
                exits: [{direction: out, to: hall}]
                details: [{name: tower, text: White.}, {name: door, aliases: [gate], text: Shut.}]
            items: [{id: can, name: can of paraffin}]
            scenes: [{id: s, location: hall, end: {max_rounds: 2}}]
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DescriptionNamesNoDetail);
    }

    [Fact]
    public void Chinese_descriptions_are_searched_for_whole_names_without_spaces()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations:
              - id: hall
                name: 正堂
                description: 屋里有一张八仙桌，墙角是炭炉。
                exits: [{direction: north, to: kitchen}]
                details: [{name: 八仙桌, text: 桌上放着茶。}]
              - id: kitchen
                name: 后厨
                description: 灶台冷着。
                exits: [{direction: south, to: hall}]
                details: [{name: 灶台, text: 冷灰。}, {name: 炭炉, text: 火很低。}]
            scenes: [{id: s, location: hall, end: {max_rounds: 2}}]
            """);

        var d = Expect.Single(result, DiagnosticCodes.DescriptionNamesNoDetail);
        Assert.Contains("\u201c炭炉\u201d", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heard_is_read_for_each_trigger_and_defaults_to_here()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations: [{id: hall, name: Hall}]
            scenes:
              - id: s
                location: hall
                end: {max_rounds: 3}
                triggers:
                  - {id: a, when: {round: 1}, narrate: Thunder.}
                  - {id: b, when: {round: 2}, narrate: A bell., heard: adjacent}
                  - {id: c, when: {round: 3}, narrate: The sea., heard: everywhere}
            """);

        Expect.Clean(result);
        Assert.Equal([Hearing.Here, Hearing.Adjacent, Hearing.Everywhere], result.World!.Scenes[0].Triggers.Select(t => t.Heard));
        var written = Writing.WorldWriter.ToYaml(result.World);
        Assert.Contains("heard: adjacent", written, StringComparison.Ordinal);
        Assert.DoesNotContain("heard: here", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heard_value_that_is_not_one_of_the_three_is_refused()
    {
        var result = WorldLoader.LoadText(Header + Cast + """
            locations: [{id: hall, name: Hall}]
            scenes: [{id: s, location: hall, end: {max_rounds: 3}, triggers: [{id: a, when: {round: 1}, narrate: X, heard: nearby}]}]
            """);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue && d.Message.Contains("nearby", StringComparison.Ordinal));
    }

    [Fact]
    public void Narration_heard_only_where_no_player_can_go_is_warned_about_until_it_is_heard_next_door()
    {
        const string places = """
            locations:
              - {id: hall, name: Hall, exits: [{direction: north, to: attic}]}
              - {id: attic, name: Attic, exits: [{direction: down, to: cellar}]}
              - {id: cellar, name: Cellar, exits: [{direction: up, to: attic}]}

            """;
        string Scene(string heard) =>
            $"scenes: [{{id: s, location: cellar, end: {{max_rounds: 3}}, triggers: [{{id: drip, when: {{round: 1}}, narrate: Water drips.{heard}}}]}}]\n";
        var here = WorldLoader.LoadText(Header + "characters: [{id: ann, name: Ann, player: true, start: {location: hall}}]\n" + places + Scene(""));
        var walled = WorldLoader.LoadText(Header + "characters: [{id: ann, name: Ann, player: true, start: {location: hall}}]\n"
            + places.Replace("exits: [{direction: north, to: attic}]", "exits: []", StringComparison.Ordinal) + Scene(""));
        var nextDoor = WorldLoader.LoadText(Header + "characters: [{id: ann, name: Ann, player: true, start: {location: hall}}]\n"
            + places.Replace("exits: [{direction: north, to: attic}]", "exits: []", StringComparison.Ordinal).Replace("{direction: up, to: attic}", "{direction: up, to: hall}", StringComparison.Ordinal) + Scene(", heard: adjacent"));
        var everywhere = WorldLoader.LoadText(Header + "characters: [{id: ann, name: Ann, player: true, start: {location: hall}}]\n"
            + places.Replace("exits: [{direction: north, to: attic}]", "exits: []", StringComparison.Ordinal) + Scene(", heard: everywhere"));

        Assert.DoesNotContain(here.Diagnostics, d => d.Code == DiagnosticCodes.NarrationNeverHeard);
        var d = Expect.Single(walled, DiagnosticCodes.NarrationNeverHeard);
        Assert.Equal("the narration of trigger 'drip' of scene 's' can never be heard: it is heard only at 'cellar', and no player character can get there", d.Message);
        Assert.DoesNotContain(nextDoor.Diagnostics, x => x.Code == DiagnosticCodes.NarrationNeverHeard);
        Assert.DoesNotContain(everywhere.Diagnostics, x => x.Code == DiagnosticCodes.NarrationNeverHeard);
    }
}

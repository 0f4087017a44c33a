using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Tests;

/// <summary>Documents that are valid YAML but do not follow the world format.</summary>
public class ShapeDiagnosticsTests
{
    [Fact]
    public void An_unknown_key_is_reported_with_the_key_it_was_probably_meant_to_be()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            locations:
              - id: hall
                name: Hall
                descripton: A hall.
            """);

        var d = Expect.Single(result, DiagnosticCodes.UnknownKey);
        Expect.At(d, "world.yaml", 6, 5);
        Assert.Equal("unknown key 'descripton' in a location", d.Message);
        Assert.Equal("did you mean 'description'?", d.Hint);
    }

    [Fact]
    public void An_unknown_key_with_nothing_close_lists_the_known_keys_and_points_to_extensions()
    {
        var d = Expect.Single(WorldLoader.LoadText("spec: taleforge/world@1\nworld: {id: w, title: W, colour: blue}\n"), DiagnosticCodes.UnknownKey);

        Assert.StartsWith("the world section may have: id, title, language,", d.Hint);
        Assert.EndsWith("keep data of your own under 'extensions:'", d.Hint);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_the_value()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            locations:
              - id: hall
                name: Hall
                exits: north
            items:
              - {id: rope, name: rope, portable: "no"}
            """);

        var wrong = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.WrongType).ToList();
        Assert.Equal(2, wrong.Count);
        var exits = wrong[0];
        Expect.At(exits, "world.yaml", 6, 12);
        Assert.Equal("'exits' should be a list, but it is the text 'north'", exits.Message);
        var portable = wrong[1];
        Expect.At(portable, "world.yaml", 8, 38);
        Assert.Equal("'portable' should be true or false, but it is the quoted text \"no\"", portable.Message);
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_mapping_that_lacks_it()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            locations:
              - id: hall
                description: No name.
            """);

        var d = Expect.Single(result, DiagnosticCodes.MissingField);
        Expect.At(d, "world.yaml", 4, 5);
        Assert.Equal("a location has no 'name'", d.Message);
        Assert.StartsWith("add 'name:'", d.Hint);
    }

    [Fact]
    public void A_file_without_spec_is_reported_as_missing_it()
    {
        var d = Expect.Single(WorldLoader.LoadText("world: {id: w, title: W}\n"), DiagnosticCodes.MissingField);

        Assert.Equal("file has no 'spec'", d.Message);
        Assert.Contains("taleforge/world@1", d.Hint);
    }

    [Fact]
    public void A_file_for_another_version_of_the_format_is_not_read_further()
    {
        var result = WorldLoader.LoadText("spec: taleforge/world@2\nworld: {id: w, title: W, oops: 1}\n");

        var d = Expect.Single(result, DiagnosticCodes.Spec);
        Expect.At(d, "world.yaml", 1, 7);
        Assert.Equal("world.yaml is written for 'taleforge/world@2', but this TaleForge reads 'taleforge/world@1'", d.Message);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == DiagnosticCodes.UnknownKey);
    }

    [Theory]
    [InlineData("openness: 1.4", 28, "'openness' is 1.4, but it must be a number from 0 to 1")]
    [InlineData("openness: -0.1", 28, "'openness' is -0.1, but it must be a number from 0 to 1")]
    public void A_Big_Five_score_outside_zero_to_one_is_out_of_range(string score, int column, string message)
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            characters:
              - id: ann
                name: Ann
                personality:
                  big_five: {SCORE, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0.5}
            """.Replace("SCORE", score, StringComparison.Ordinal));

        var d = Expect.Single(result, DiagnosticCodes.OutOfRange);
        Expect.At(d, "world.yaml", 7, column);
        Assert.Equal(message, d.Message);
        Assert.Equal("Big Five scores run from 0 (low) to 1 (high); 0.5 is average", d.Hint);
    }

    [Theory]
    [InlineData("end: {max_rounds: -2}", 23, "'max_rounds' is -2, but it must be a whole number of at least 1")]
    [InlineData("end: {max_rounds: 0}", 23, "'max_rounds' is 0, but it must be a whole number of at least 1")]
    [InlineData("end: {when: {round: -1}}", 25, "'round' is -1, but it must be a whole number of at least 1")]
    public void A_round_count_below_one_is_out_of_range(string end, int column, string message)
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            scenes:
              - id: s
                location: hall
                END
            """.Replace("END", end, StringComparison.Ordinal));

        var d = Expect.Single(result, DiagnosticCodes.OutOfRange);
        Expect.At(d, "world.yaml", 6, column);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void An_id_with_spaces_or_capitals_is_refused_with_a_suggested_id()
    {
        var d = Expect.Single(WorldLoader.LoadText("spec: taleforge/world@1\nworld: {id: w, title: W}\nlocations:\n  - {id: Old Hall, name: Old Hall}\n"), DiagnosticCodes.InvalidValue);

        Expect.At(d, "world.yaml", 4, 10);
        Assert.Equal($"'id' is 'Old Hall', but ids and flags may contain only {Format.WorldFormat.IdRule}", d.Message);
        Assert.Equal("write 'old-hall'", d.Hint);
    }

    [Fact]
    public void A_word_outside_a_fixed_set_is_refused_with_the_closest_word()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W, clock: {start: "25:00"}}
            locations:
              - id: hall
                name: Hall
                exits: [{direction: nroth, to: hall}]
            """);

        var direction = result.Diagnostics.Single(d => d.Message.StartsWith("'direction'"));
        Expect.At(direction, "world.yaml", 6, 25);
        Assert.Equal("'direction' is 'nroth', which is not one of: north, south, east, west, northeast, northwest, southeast, southwest, up, down, in, out", direction.Message);
        Assert.Equal("did you mean 'north'?", direction.Hint);
        var time = result.Diagnostics.Single(d => d.Message.StartsWith("'start'"));
        Assert.Equal("'start' is '25:00', which is not a time of day", time.Message);
    }

    [Fact]
    public void A_condition_with_two_keys_or_a_misspelt_kind_is_refused()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W}
            scenes:
              - id: s
                location: hall
                end: {when: {flag: a, round: 2}}
              - id: t
                location: hall
                end: {when: {flg: a}}
            """);

        var two = Expect.Single(result, DiagnosticCodes.InvalidValue);
        Expect.At(two, "world.yaml", 6, 17);
        Assert.Equal("a condition has one key, but this one has 'flag' and 'round'", two.Message);
        Assert.Equal("combine conditions with all: [...] or any: [...]", two.Hint);
        var typo = Expect.Single(result, DiagnosticCodes.UnknownKey);
        Expect.At(typo, "world.yaml", 9, 18);
        Assert.Equal("did you mean 'flag'?", typo.Hint);
    }

    [Fact]
    public void A_lore_key_that_is_not_a_valid_regular_expression_is_reported_with_the_reason()
    {
        var d = Expect.Single(WorldLoader.LoadText("spec: taleforge/world@1\nworld: {id: w, title: W}\nlore:\n  - {id: l, keys: [\"/[a-/\"], text: T}\n"), DiagnosticCodes.InvalidRegex);

        Expect.At(d, "world.yaml", 4, 20);
        Assert.StartsWith("the lore key /[a-/ is not a valid regular expression: ", d.Message);
    }

    [Fact]
    public void A_second_world_section_and_a_missing_one_are_reported()
    {
        var twice = WorldLoader.Load([
            new Sources.SourceFile("world.yaml", "world.yaml", "spec: taleforge/world@1\nworld: {id: w, title: W}\n"),
            new Sources.SourceFile("lore/extra.yaml", "lore/extra.yaml", "spec: taleforge/world@1\nworld: {id: x, title: X}\n"),
        ]);
        var none = WorldLoader.LoadText("spec: taleforge/world@1\nlocations: [{id: hall, name: Hall}]\n");

        var second = Expect.Single(twice, DiagnosticCodes.WorldSection);
        Expect.At(second, "lore/extra.yaml", 2, 8);
        Assert.Equal("a second 'world' section (the first is at world.yaml:2:8)", second.Message);
        Assert.Equal("no file of this world has a 'world' section", Expect.Single(none, DiagnosticCodes.WorldSection).Message);
        Assert.Null(none.Draft);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_in_one_pass_in_line_order()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world: {id: w, title: W, colour: red}
            locations:
              - {id: hall, name: Hall, exits: [{direction: north, to: nowhere}]}
              - {id: Bad Id, name: Bad}
            characters:
              - {id: ann, name: Ann, player: maybe}
            scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
            """);

        Assert.Equal(
            [DiagnosticCodes.UnknownKey, DiagnosticCodes.DanglingReference, DiagnosticCodes.InvalidValue, DiagnosticCodes.WrongType],
            result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Take(4));
        Assert.Equal([2, 4, 5, 7], result.Diagnostics.Where(d => d.IsError).Select(d => d.Line).Take(4));
    }
}

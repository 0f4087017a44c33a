using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Tests;

/// <summary>Problems in the YAML itself, before the format is considered.</summary>
public class YamlDiagnosticsTests
{
    [Fact]
    public void A_syntax_error_is_reported_at_its_line_and_column_with_a_quoting_hint()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world:
              id: w
              title: A red: the boat
            """);

        var d = Expect.Single(result, DiagnosticCodes.Syntax);
        Expect.At(d, "world.yaml", 4, 15);
        Assert.StartsWith("YAML syntax error: ", d.Message);
        Assert.Contains("quotes", d.Hint);
    }

    [Fact]
    public void An_unclosed_flow_mapping_that_trips_the_YAML_scanner_is_a_syntax_error_not_a_crash()
    {
        var result = WorldLoader.LoadText("spec: taleforge/world@1\nlocations:\n  - id: {\n    name: Hall\n  - id: yard\n");

        var d = Expect.Single(result, DiagnosticCodes.Syntax);
        Assert.Equal(3, d.Line);
        Assert.StartsWith("YAML syntax error: ", d.Message);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_key_naming_where_the_first_is()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world:
              id: w
              title: One
              title: Two
            """);

        var d = Expect.Single(result, DiagnosticCodes.DuplicateKey);
        Expect.At(d, "world.yaml", 5, 3);
        Assert.Equal("the key 'title' appears twice in this mapping (first at line 4, column 3)", d.Message);
        Assert.Equal("One", result.Draft!.Info.Title);
    }

    [Fact]
    public void Anchors_and_aliases_are_refused_once_per_file_without_being_expanded()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world:
              id: w
              title: &t Title
              premise: *t
              setting: *t
            """);

        var d = Expect.Single(result, DiagnosticCodes.AnchorOrAlias);
        Expect.At(d, "world.yaml", 4, 10);
        Assert.Equal("anchors and aliases ('&t') are not part of the format", d.Message);
        Assert.Contains("never expanded", d.Hint);
    }

    [Fact]
    public void A_tag_is_refused_but_an_explicit_string_tag_is_read_as_text()
    {
        var result = WorldLoader.LoadText("""
            spec: taleforge/world@1
            world:
              id: w
              title: !!str 1984
              premise: !custom thing
            """);

        var d = Expect.Single(result, DiagnosticCodes.Tag);
        Expect.At(d, "world.yaml", 5, 12);
        Assert.Equal("the tag '!custom' is not part of the format", d.Message);
        Assert.Equal("1984", result.Draft!.Info.Title);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_stops_reading_the_file()
    {
        var deep = "spec: taleforge/world@1\nworld:\n  extensions:\n    x: " + new string('[', 100) + new string(']', 100) + "\n";

        var result = WorldLoader.LoadText(deep);

        var d = Expect.Single(result, DiagnosticCodes.TooDeep);
        Assert.Equal("lists and mappings are nested more than 32 levels deep here", d.Message);
        // The root, world and extensions mappings are three levels; the 30th bracket opens the 33rd.
        Expect.At(d, "world.yaml", 4, 37);
    }

    [Theory]
    [InlineData("- spec: taleforge/world@1\n", "the file is a list, not a mapping")]
    [InlineData("just some words\n", "the file is a single text value, not a mapping")]
    public void A_file_that_is_not_a_mapping_is_refused(string text, string message)
    {
        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.NotAMapping);

        Assert.Equal(message, d.Message);
        Expect.At(d, "world.yaml", 1, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_refused(string text)
    {
        var d = Expect.Single(WorldLoader.LoadText(text), DiagnosticCodes.EmptyFile);

        Expect.At(d, "world.yaml", 1, 1);
    }

    [Fact]
    public void A_second_document_in_one_file_is_refused()
    {
        var d = Expect.Single(WorldLoader.LoadText("spec: taleforge/world@1\n---\nspec: taleforge/world@1\n"), DiagnosticCodes.SeveralDocuments);

        Expect.At(d, "world.yaml", 2, 1);
    }

    [Fact]
    public void A_list_used_as_a_key_is_refused()
    {
        var d = Expect.Single(WorldLoader.LoadText("spec: taleforge/world@1\n? [a, b]\n: c\n"), DiagnosticCodes.ComplexKey);

        Assert.Equal("a key here is a list; keys must be plain text", d.Message);
        Expect.At(d, "world.yaml", 2, 3);
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TaleForge.Inference.Structured;

namespace TaleForge.Inference.Tests.Structured;

public class ReplyBoundTests
{
    private sealed record Note([property: MaxLength(10)] string Text, bool Done);

    private sealed record Notes([property: MaxLength(3)] IReadOnlyList<Note> Items);

    private sealed record Free(string Text);

    [Fact]
    public void An_object_is_bounded_by_its_keys_values_and_punctuation()
    {
        // {"text":"..........","done":false}: braces 2, each key + quotes + colon + comma 4, string 10 + 2 quotes, false 5.
        Assert.Equal(2 + ("text".Length + 4 + 12) + ("done".Length + 4 + 5), ReplyBound.MaxCharacters(TypedJson.SchemaFor<Note>()));
    }

    [Fact]
    public void An_array_counts_its_items_and_separators_and_narrowing_shrinks_the_bound()
    {
        var note = ReplyBound.MaxCharacters(TypedJson.SchemaFor<Note>())!.Value;
        var schema = TypedJson.SchemaFor<Notes>();
        Assert.Equal(2 + "items".Length + 4 + 2 + 3 * (note + 1), ReplyBound.MaxCharacters(schema));
        Assert.Equal(2 + "items".Length + 4 + 2 + 1 * (note + 1), ReplyBound.MaxCharacters(SchemaNarrowing.WithMaxItems(schema, "/properties/items", 1)));
    }

    [Fact]
    public void An_enum_counts_its_longest_value_and_an_unbounded_string_has_no_bound()
    {
        var narrowed = SchemaNarrowing.WithChoices(TypedJson.SchemaFor<Free>(), new Dictionary<string, IReadOnlyList<string>> { ["/properties/text"] = ["go north", "none"] });
        Assert.Equal(2 + "text".Length + 4 + "\"go north\"".Length, ReplyBound.MaxCharacters(narrowed));
        Assert.Null(ReplyBound.MaxCharacters(TypedJson.SchemaFor<Free>()));
        Assert.Null(ReplyBound.MaxCharacters(JsonDocument.Parse("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}").RootElement));
    }

    [Fact]
    public void Taking_out_the_length_caps_leaves_the_texts_unbounded_and_keeps_item_counts_and_choices()
    {
        var narrowed = SchemaNarrowing.WithChoices(TypedJson.SchemaFor<Notes>(), new Dictionary<string, IReadOnlyList<string>> { ["/properties/items/items/properties/text"] = ["a", "bb"] });
        var uncapped = SchemaNarrowing.WithoutLengthCaps(TypedJson.SchemaFor<Notes>());

        Assert.DoesNotContain("maxLength", uncapped.GetRawText(), StringComparison.Ordinal);
        Assert.Null(ReplyBound.MaxCharacters(uncapped));
        Assert.Equal(3, uncapped.GetProperty("properties").GetProperty("items").GetProperty("maxItems").GetInt32());
        Assert.Equal(narrowed.GetRawText(), SchemaNarrowing.WithoutLengthCaps(narrowed).GetRawText());
    }
}

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
    public void A_length_budget_raises_the_caps_in_proportion_to_fill_it_and_keeps_item_counts_and_choices()
    {
        var schema = TypedJson.SchemaFor<Notes>();
        var before = ReplyBound.MaxCharacters(schema)!.Value;

        var raised = SchemaNarrowing.WithLengthBudget(schema, before * 4);

        var after = ReplyBound.MaxCharacters(raised)!.Value;
        Assert.InRange(after, before * 3, before * 4);
        Assert.Equal(3, raised.GetProperty("properties").GetProperty("items").GetProperty("maxItems").GetInt32());
        Assert.Equal(schema.GetRawText(), SchemaNarrowing.WithLengthBudget(schema, before).GetRawText());
        Assert.Equal(schema.GetRawText(), SchemaNarrowing.WithLengthBudget(schema, before / 2).GetRawText());

        var narrowed = SchemaNarrowing.WithChoices(schema, new Dictionary<string, IReadOnlyList<string>> { ["/properties/items/items/properties/text"] = ["a", "bb"] });
        Assert.Equal(narrowed.GetRawText(), SchemaNarrowing.WithLengthBudget(narrowed, 100_000).GetRawText());
        Assert.Equal(TypedJson.SchemaFor<Free>().GetRawText(), SchemaNarrowing.WithLengthBudget(TypedJson.SchemaFor<Free>(), 500).GetRawText());
    }
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.Inference;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaCpp.Tests;

[NeedsNativeLibrary]
public class GrammarTests
{
    private const string CharacterGrammar = """
        root ::= "{" ws "\"name\":" ws name "," ws "\"mood\":" ws mood "," ws "\"age\":" ws age ws "}"
        name ::= "\"" [a-zA-Z ]{1,12} "\""
        mood ::= "\"calm\"" | "\"angry\"" | "\"afraid\""
        age  ::= [1-9] [0-9]?
        ws   ::= " "?
        """;

    private const string DirectionGrammar = """root ::= "north" | "south" | "east" | "west" """;

    private const string InventoryGrammar = """
        root ::= "[" item ( "," " "? item ){0,3} "]"
        item ::= "\"" ( "sword" | "shield" | "torch" | "rope" ) "\""
        """;

    private static readonly string[] _moods = ["calm", "angry", "afraid"];
    private static readonly string[] _directions = ["north", "south", "east", "west"];
    private static readonly string[] _items = ["sword", "shield", "torch", "rope"];

    private static ChatOptions Constrained(string grammar, int seed) =>
        new ChatOptions { Seed = seed, Temperature = 1.0f, MaxOutputTokens = 200 }.WithGrammar(grammar);

    [Fact]
    public async Task Json_objects_from_a_grammar_always_parse_with_the_declared_fields_over_many_seeds()
    {
        using var client = ChatClients.Tiny();
        var outputs = await Task.WhenAll(Enumerable.Range(0, 24).Select(seed => client.GetResponseAsync(ChatClients.Ask("Describe yourself."), Constrained(CharacterGrammar, seed))));
        foreach (var output in outputs)
        {
            Assert.Equal(ChatFinishReason.Stop, output.FinishReason);
            using var json = JsonDocument.Parse(output.Text);
            var name = json.RootElement.GetProperty("name").GetString()!;
            Assert.InRange(name.Length, 1, 12);
            Assert.Contains(json.RootElement.GetProperty("mood").GetString(), _moods);
            Assert.InRange(json.RootElement.GetProperty("age").GetInt32(), 1, 99);
        }
        Assert.True(outputs.Select(o => o.Text).Distinct().Count() > 12, "different seeds should give different objects");
    }

    [Fact]
    public async Task An_enum_grammar_only_ever_yields_one_of_its_words()
    {
        using var client = ChatClients.Tiny();
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 30; seed++)
        {
            var output = await client.GetResponseAsync(ChatClients.Ask("Which way?"), Constrained(DirectionGrammar, seed));
            Assert.Contains(output.Text, _directions);
            seen.Add(output.Text);
        }
        Assert.True(seen.Count >= 3, string.Join(",", seen));
    }

    [Fact]
    public async Task A_list_grammar_yields_json_arrays_of_one_to_four_known_items()
    {
        using var client = ChatClients.Tiny();
        for (var seed = 0; seed < 20; seed++)
        {
            var output = await client.GetResponseAsync(ChatClients.Ask("What do you carry?"), Constrained(InventoryGrammar, seed));
            var items = JsonSerializer.Deserialize<string[]>(output.Text)!;
            Assert.InRange(items.Length, 1, 4);
            Assert.All(items, item => Assert.Contains(item, _items));
        }
    }

    [Fact]
    public async Task A_stop_string_ends_the_output_before_it_and_is_not_shown()
    {
        using var client = ChatClients.Tiny();
        var options = Constrained("""root ::= "abc" "STOP" "def" """, 1);
        options.StopSequences = ["STOP"];
        var output = await client.GetResponseAsync(ChatClients.Ask("Spell."), options);
        Assert.Equal("abc", output.Text);
        Assert.Equal(ChatFinishReason.Stop, output.FinishReason);
    }

    [Fact]
    public async Task A_schema_request_without_a_schema_compiler_fails_with_a_message_saying_what_to_set()
    {
        // The project's converter is the default; a client can still be made without one.
        using var client = new LlamaChatClient(TestModels.Tiny, new LlamaChatClientOptions { Threads = 1, ContextSize = 1024, SchemaToGrammar = null });
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement;
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "thing") };
        var error = await Assert.ThrowsAsync<TaleForgeException>(() => client.GetResponseAsync(ChatClients.Ask("?"), options));
        Assert.Contains("SchemaToGrammar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_request_uses_the_plugged_in_schema_compiler()
    {
        JsonElement? received = null;
        using var client = new LlamaChatClient(TestModels.Tiny, new LlamaChatClientOptions
        {
            Threads = 1,
            ContextSize = 1024,
            SchemaToGrammar = schema =>
            {
                received = schema;
                return DirectionGrammar;
            },
        });
        var schema = JsonDocument.Parse("""{"enum":["north","south","east","west"]}""").RootElement;
        var output = await client.GetResponseAsync(ChatClients.Ask("Which way?"), new ChatOptions { Seed = 3, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "direction") });
        Assert.Contains(output.Text, _directions);
        Assert.Equal(JsonValueKind.Array, received!.Value.GetProperty("enum").ValueKind);
    }

    [Fact]
    public async Task A_json_request_without_a_schema_is_constrained_to_a_json_object()
    {
        using var client = ChatClients.Tiny();
        var output = await client.GetResponseAsync(ChatClients.Ask("?"), new ChatOptions { Seed = 4, MaxOutputTokens = 40, ResponseFormat = ChatResponseFormat.Json });
        Assert.StartsWith("{", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grammar_llama_cannot_parse_fails_that_request_with_a_clear_message_and_nothing_else()
    {
        using var client = ChatClients.Tiny();
        var error = await Assert.ThrowsAsync<TaleForgeException>(() => client.GetResponseAsync(ChatClients.Ask("?"), Constrained("root ::= ( \"unclosed\" ", 1)));
        Assert.Contains("grammar", error.Message, StringComparison.OrdinalIgnoreCase);
        var after = await client.GetResponseAsync(ChatClients.Ask("?"), Constrained(DirectionGrammar, 1));
        Assert.Contains(after.Text, _directions);
    }
}

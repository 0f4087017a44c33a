using System.Text.Json;
using Microsoft.Extensions.AI;
using NJsonSchema;
using TaleForge.Inference;

namespace TaleForge.LlamaSharp.Tests;

[NeedsNativeLibrary]
public class TypedReplyTests
{
    public static TheoryData<string, string> Schemas => new()
    {
        {
            "mood",
            """{"type":"object","properties":{"name":{"type":"string","maxLength":12},"mood":{"enum":["calm","angry","afraid"]}},"required":["name","mood"],"additionalProperties":false}"""
        },
        {
            "inventory",
            """{"type":"object","properties":{"items":{"type":"array","items":{"type":"string","enum":["sword","torch","rope","bread"]},"minItems":1,"maxItems":3}},"required":["items"],"additionalProperties":false}"""
        },
        {
            "stranger",
            """{"type":"object","properties":{"age":{"type":"integer","minimum":1,"maximum":99},"hostile":{"type":"boolean"},"greeting":{"type":"string","maxLength":40},"rumours":{"type":"array","items":{"type":"string","maxLength":16},"maxItems":2}},"required":["age","hostile","greeting","rumours"],"additionalProperties":false}"""
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Every_reply_to_a_schema_parses_and_validates_against_it_over_many_seeds(string name, string schemaText)
    {
        using var client = await TinyClient.LoadAsync();
        using var schemaJson = JsonDocument.Parse(schemaText);
        var schema = await JsonSchema.FromJsonAsync(schemaText);
        var texts = new List<string>();
        for (var seed = 0; seed < 10; seed++)
        {
            var reply = await client.GetResponseAsync(TinyClient.Ask("Who are you?"), new ChatOptions
            {
                Seed = seed,
                Temperature = 1.2f,
                TopK = 0,
                TopP = 1f,
                MaxOutputTokens = 600,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schemaJson.RootElement.Clone(), name),
            });
            Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
            Assert.Empty(SchemaErrors.Of(schema, reply.Text));
            Assert.DoesNotContain('\uFFFD', reply.Text);
            texts.Add(reply.Text);
        }
        Assert.True(texts.Distinct().Count() > 3, $"seeds should give different replies: {string.Join(" | ", texts)}");
    }

    [Fact]
    public async Task A_json_request_without_a_schema_gets_a_json_object()
    {
        using var client = await TinyClient.LoadAsync();
        for (var seed = 0; seed < 5; seed++)
        {
            var reply = await client.GetResponseAsync(TinyClient.Ask("Anything."), new ChatOptions { Seed = seed, MaxOutputTokens = 400, ResponseFormat = ChatResponseFormat.Json });
            if (reply.FinishReason == ChatFinishReason.Stop)
            {
                using var json = JsonDocument.Parse(reply.Text);
                Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            }
            else
            {
                Assert.StartsWith("{", reply.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_grammar_that_does_not_parse_is_refused_with_where_before_reaching_llama_cpp()
    {
        using var client = await TinyClient.LoadAsync();
        var error = await Assert.ThrowsAsync<Inference.Grammar.GbnfException>(() =>
            client.GetResponseAsync(TinyClient.Ask("Which way?"), new ChatOptions { Seed = 1 }.WithGrammar("root ::= \"north\" | [a-")));
        Assert.Contains("grammar 1:", error.Message, StringComparison.Ordinal);

        var after = await client.GetResponseAsync(TinyClient.Ask("Which way?"), new ChatOptions { Seed = 1 }.WithGrammar("root ::= \"north\" | \"south\""));
        Assert.Contains(after.Text, new[] { "north", "south" });
    }

    [Theory]
    [InlineData("root ::= missing")]
    [InlineData("root ::= [a-")]
    [InlineData("root ::= \"a\" root2")]
    public async Task A_grammar_llama_cpp_cannot_parse_is_refused_before_it_joins_a_sampler_chain(string grammar)
    {
        using var client = await TinyClient.LoadAsync();

        var error = Assert.Throws<Core.TaleForgeException>(() => Sampling.GrammarCheck.Check(client.Weights.NativeHandle, grammar, "root"));

        Assert.Contains("could not parse the GBNF grammar", error.Message, StringComparison.Ordinal);
        Sampling.GrammarCheck.Check(client.Weights.NativeHandle, "root ::= \"north\" | \"south\"", "root");
    }
}

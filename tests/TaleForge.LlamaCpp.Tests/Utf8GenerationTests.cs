using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Inference;
using TaleForge.Inference.Grammar;
using TaleForge.Inference.Structured;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Native;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// The tiny random model picks bytes almost at random from a vocabulary with a token for every byte, so without
/// the UTF-8 stage most long outputs would hold invalid sequences.
/// </summary>
[NeedsNativeLibrary]
public class Utf8GenerationTests
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    // Anything, including code points that only loose decoders accept: the grammar itself prevents nothing.
    private const string AnyTextGrammar = "root ::= .{40,160}";

    /// <summary>The widest distribution the chain allows, so rare bytes come up.</summary>
    private static SamplingSettings Wide(uint seed, string? grammar = null) => new()
    {
        Temperature = 1.5f,
        TopK = 0,
        TopP = 1f,
        MinP = 0f,
        Seed = seed,
        Grammar = grammar,
        SuppressEndOfGeneration = true,
    };

    private static ChatOptions WideChat(int seed, int tokens) =>
        new ChatOptions { Seed = seed, Temperature = 1.5f, TopK = 0, TopP = 1f, MaxOutputTokens = tokens }.WithMinP(0f);

    [Fact]
    public void Tokens_sampled_over_many_seeds_always_join_into_strict_utf8_with_many_multibyte_characters()
    {
        var model = TestModels.Tiny;
        var nonAscii = 0;
        for (uint seed = 0; seed < 24; seed++)
        {
            var tokens = RawGeneration.Sample(model, Wide(seed), "<|im_start|>user\nSpeak.<|im_end|>\n<|im_start|>assistant\n", 300);
            Assert.Equal(300, tokens.Count);
            var text = StrictText(tokens, out var pendingTail);
            Assert.InRange(pendingTail, 0, 3);
            nonAscii += text.Count(c => c > 0x7F);
        }
        Assert.True(nonAscii > 500, $"only {nonAscii} non-ASCII characters: the test would not exercise multi-byte sequences");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(AnyTextGrammar)]
    public void Behind_the_bias_or_the_grammar_the_filter_always_receives_the_whole_vocabulary_in_id_order(string? grammar)
    {
        var model = TestModels.Tiny;
        using var chain = SamplerChainFactory.Create(model, Wide(11, grammar));
        var stage = Enumerable.Range(0, LlamaApi.SamplerChainN(chain)).Select(i => LlamaApi.SamplerChainGet(chain, i)).Single(ValidUtf8Sampler.IsInstance);
        var tokens = RawGeneration.Sample(model, chain, "<|im_start|>user\nSpeak.<|im_end|>\n<|im_start|>assistant\n", 200);
        var filter = ValidUtf8Sampler.FilterOf(stage);
        Assert.Equal(0, filter.UnorderedPasses);
        Assert.Equal(0, filter.StoodAside);
        Assert.True(filter.PendingPasses > 5, $"{filter.PendingPasses} steps with a character pending");
        Assert.Equal(tokens.Count, filter.IndexedPasses + filter.PendingPasses);
    }

    [Fact]
    public async Task A_grammar_that_demands_surrogates_gets_replacement_characters_instead_of_an_aborted_process()
    {
        // UTF-8 cannot encode U+D800..U+DFFF: every way on is invalid, so the filter steps aside for the grammar.
        using var client = ChatClients.Tiny();
        var reply = await client.GetResponseAsync(ChatClients.Ask("?"), WideChat(1, 100).WithGrammar("""root ::= [\uD800-\uDFFF]{1,3} "." """));
        Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
        Assert.EndsWith(".", reply.Text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', reply.Text);
        var after = await client.GetResponseAsync(ChatClients.Ask("?"), WideChat(1, 100).WithGrammar(AnyTextGrammar));
        AssertCleanText(after.Text);
    }

    [Fact]
    public void Tokens_sampled_under_a_grammar_that_allows_any_character_join_into_strict_utf8()
    {
        var model = TestModels.Tiny;
        for (uint seed = 0; seed < 16; seed++)
        {
            var tokens = RawGeneration.Sample(model, Wide(seed, AnyTextGrammar), "<|im_start|>user\nSpeak.<|im_end|>\n<|im_start|>assistant\n", 600);
            Assert.True(model.IsEndOfGeneration(tokens[^1]), $"seed {seed}: the grammar should have ended the output");
            var text = StrictText(tokens.SkipLast(1), out var pendingTail);
            Assert.Equal(0, pendingTail);
            // The grammar counts code points; each is one UTF-16 unit or a surrogate pair.
            Assert.InRange(text.EnumerateRunes().Count(), 40, 160);
        }
    }

    [Fact]
    public async Task Long_replies_over_many_seeds_have_no_replacement_characters_alone_or_batched()
    {
        using var client = ChatClients.Tiny(maxSequences: 4);
        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(seed =>
            client.GetResponseAsync(ChatClients.Ask("Tell me a long story."), WideChat(seed, 256).WithIgnoreEndOfGeneration())));
        foreach (var reply in replies)
        {
            AssertCleanText(reply.Text);
            Assert.True(Strict.GetByteCount(reply.Text) > 200, reply.Text);
        }
        var alone = await client.GetResponseAsync(ChatClients.Ask("Tell me a long story."), WideChat(5, 256).WithIgnoreEndOfGeneration());
        Assert.Equal(replies[5].Text, alone.Text);
    }

    [Fact]
    public async Task Replies_under_a_grammar_that_allows_any_character_keep_its_length_in_characters()
    {
        using var client = ChatClients.Tiny();
        for (var seed = 0; seed < 12; seed++)
        {
            var reply = await client.GetResponseAsync(ChatClients.Ask("Anything."), WideChat(seed, 800).WithGrammar(AnyTextGrammar));
            Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
            AssertCleanText(reply.Text);
            Assert.InRange(reply.Text.EnumerateRunes().Count(), 40, 160);
        }
    }

    public sealed record Innkeeper([property: MaxLength(12)] string Name, [property: MaxLength(40)] string Greeting, [property: MaxLength(24)] string Rumour);

    [Fact]
    public async Task Json_schema_replies_keep_every_string_within_its_max_length_and_are_all_accepted()
    {
        using var client = new LlamaChatClient(TestModels.Tiny, new LlamaChatClientOptions
        {
            Threads = 1,
            ContextSize = 4096,
            MaxSequences = 4,
            SchemaToGrammar = JsonSchemaGrammar.Convert,
        });
        var schema = TypedRequest<Innkeeper>.Schema;
        var replies = await Task.WhenAll(Enumerable.Range(0, 24).Select(seed => client.GetResponseAsync(
            ChatClients.Ask("Who are you?"),
            new ChatOptions { Seed = seed, Temperature = 1.2f, TopK = 0, TopP = 1f, MaxOutputTokens = 1000, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "innkeeper") })));
        var nonAscii = 0;
        foreach (var reply in replies)
        {
            Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
            AssertCleanText(reply.Text);
            using var json = JsonDocument.Parse(reply.Text);
            var name = json.RootElement.GetProperty("name").GetString()!;
            var greeting = json.RootElement.GetProperty("greeting").GetString()!;
            var rumour = json.RootElement.GetProperty("rumour").GetString()!;
            Assert.True(name.Length <= 12, $"name of {name.Length} characters: {name}");
            Assert.True(greeting.Length <= 40, $"greeting of {greeting.Length} characters: {greeting}");
            Assert.True(rumour.Length <= 24, $"rumour of {rumour.Length} characters: {rumour}");
            nonAscii += (name + greeting + rumour).Count(c => c > 0x7F);
        }
        Assert.True(nonAscii > 20, $"only {nonAscii} non-ASCII characters in the strings");

        var typed = new TypedRequest<Innkeeper>(client, new TypedRequestOptions { MaxAttempts = 1 });
        for (var seed = 0; seed < 8; seed++)
        {
            var result = await typed.SendAsync(ChatClients.Ask("Who are you?"), new ChatOptions { Seed = seed, Temperature = 1.2f, TopK = 0, TopP = 1f, MaxOutputTokens = 1000 });
            Assert.True(result.Succeeded, string.Join("; ", result.Attempts.Select(a => a.Error)));
        }
    }

    /// <summary>Decodes strictly; an incomplete character at the very end (cut by the token count) is returned as its length.</summary>
    private static string StrictText(IEnumerable<int> tokens, out int pendingTail)
    {
        var bytes = tokens.SelectMany(TestModels.Tiny.TokenBytes).ToArray();
        var decoder = Strict.GetDecoder();
        var chars = new char[bytes.Length];
        var count = decoder.GetChars(bytes, chars, flush: false);
        var text = new string(chars, 0, count);
        pendingTail = bytes.Length - Strict.GetByteCount(text);
        return text;
    }

    private static void AssertCleanText(string text)
    {
        Assert.DoesNotContain('\uFFFD', text);
        // Throws on a lone surrogate, which a UTF-8 decoder never produces from valid input.
        Assert.Equal(text, Strict.GetString(Strict.GetBytes(text)));
    }
}

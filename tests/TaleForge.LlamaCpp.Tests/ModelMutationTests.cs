using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Model;
using Xunit.Abstractions;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// Every metadata value and every tensor-table field of the tiny model, mutated one at a time (zero, negative, huge,
/// NaN, infinity, wrong type): the file is refused in C# with a message naming the field, or, where the mutated
/// value is one llama.cpp accepts, the model loads and generates. A mutation that reached an abort in llama.cpp
/// would end this test process, so passing means no mutation did.
/// </summary>
[Slow]
[NeedsNativeLibrary]
public class ModelMutationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_mutated_field_is_refused_by_name_or_loads_and_generates()
    {
        var original = GgufReader.Read(TestModels.TinyPath);
        var mutations = ModelMutation.All(original).ToList();
        var path = TestModels.NewTemporaryFile("mutated.gguf");
        var refused = 0;
        var accepted = new List<string>();
        var unnamed = new List<string>();
        foreach (var mutation in mutations)
        {
            ModelMutation.Write(mutation.Change(original), original, path);
            try
            {
                using var model = LlamaModel.Load(path);
                using var client = new LlamaChatClient(model, new LlamaChatClientOptions { Threads = 1, ContextSize = 256, MaxSequences = 1 });
                var reply = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")], new ChatOptions { MaxOutputTokens = 4, Seed = 1 });
                Assert.NotNull(reply.Text);
                accepted.Add(mutation.ToString());
            }
            catch (InvalidModelFileException error)
            {
                refused++;
                if (!error.Problem.Contains($"'{mutation.Field}'", StringComparison.Ordinal))
                {
                    unnamed.Add($"{mutation}: {error.Problem}");
                }
            }
        }

        output.WriteLine($"{mutations.Count} mutations: {refused} refused, {accepted.Count} loaded and generated");
        Assert.True(unnamed.Count == 0, $"refusals that do not name the field:\n{string.Join("\n", unnamed)}");
        Assert.True(mutations.Count > 400, $"only {mutations.Count} mutations");
        // What may pass is a value llama.cpp takes as it is: a name, a flag, a token id or a template.
        Assert.All(accepted, a => Assert.Matches("^(general\\.name|tokenizer\\.chat_template|tokenizer\\.ggml\\.(add_bos_token|[a-z]+_token_id|merges|pre)|general\\.file_type) ", a));
        Assert.Equal(mutations.Count, refused + accepted.Count);
    }

    [Theory]
    [InlineData("llama.block_count", 0u, "metadata 'llama.block_count' is 0; it must be from 1 to 512")]
    [InlineData("llama.attention.layer_norm_rms_epsilon", float.NaN, "metadata 'llama.attention.layer_norm_rms_epsilon' is NaN; it must be a finite number")]
    [InlineData("llama.attention.head_count", 3u, "metadata 'llama.attention.head_count' is 3, which does not divide 'llama.embedding_length' 64")]
    [InlineData("llama.attention.head_count_kv", 3u, "metadata 'llama.attention.head_count_kv' is 3, which does not divide 'llama.attention.head_count' 4")]
    [InlineData("llama.rope.freq_base", float.PositiveInfinity, "metadata 'llama.rope.freq_base' is infinity; it must be a finite number")]
    [InlineData("llama.context_length", 0u, "metadata 'llama.context_length' is 0; it must be from 1 to 16777216")]
    [InlineData("llama.vocab_size", 5u, "metadata 'llama.vocab_size' is 5, but 'tokenizer.ggml.tokens' has 324 tokens")]
    [InlineData("llama.rope.dimension_count", 8u, "metadata 'llama.rope.dimension_count' is 8, but llama.cpp needs the head size 16 ('llama.embedding_length' / 'llama.attention.head_count') for the llama architecture")]
    [InlineData("llama.block_count", "2", "metadata 'llama.block_count' is the string \"2\"; llama.cpp reads it only as a uint32")]
    [InlineData("general.architecture", "gemma3", "metadata 'general.architecture' is \"gemma3\", an architecture TaleForge has not checked against llama.cpp's asserts (checked: llama, qwen2); use a model of a checked architecture")]
    public void A_file_that_passes_the_structure_check_but_would_abort_llama_is_refused_naming_the_field(string key, object value, string problem)
    {
        var original = GgufReader.Read(TestModels.TinyPath);
        var path = TestModels.NewTemporaryFile("bad.gguf");
        ModelMutation.Write(original with { Metadata = original.Metadata.ToDictionary(e => e.Key, e => e.Key == key ? value : e.Value) }, original, path);

        var error = Assert.Throws<InvalidModelFileException>(() => LlamaModel.Load(path));

        Assert.Equal(problem, error.Problem);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_whose_shape_does_not_match_the_metadata_is_refused_naming_the_tensor()
    {
        var original = GgufReader.Read(TestModels.TinyPath);
        var path = TestModels.NewTemporaryFile("shape.gguf");
        // Two blocks' worth of tensors, one block in the metadata: blk.1 is left over.
        var metadata = original.Metadata.ToDictionary(e => e.Key, e => e.Key == "llama.block_count" ? (object)1u : e.Value);
        ModelMutation.Write(original with { Metadata = metadata }, original, path);

        var error = Assert.Throws<InvalidModelFileException>(() => ModelFileCheck.Check(GgufReader.Read(path)));

        Assert.Equal("tensor 'blk.1.attn_norm.weight' is not one the llama architecture has (1 blocks per 'llama.block_count')", error.Problem);
    }

    [Fact]
    public async Task The_same_weights_labelled_qwen2_pass_the_checks_and_generate()
    {
        var original = GgufReader.Read(TestModels.TinyPath);
        var path = TestModels.NewTemporaryFile("qwen2.gguf");
        var metadata = original.Metadata.ToDictionary(
            e => e.Key.StartsWith("llama.", StringComparison.Ordinal) ? "qwen2." + e.Key["llama.".Length..] : e.Key,
            e => e.Key == "general.architecture" ? "qwen2" : e.Value);
        ModelMutation.Write(original with { Metadata = metadata }, original, path);

        using var model = LlamaModel.Load(path);
        using var client = new LlamaChatClient(model, new LlamaChatClientOptions { Threads = 1, ContextSize = 256, MaxSequences = 1 });
        var reply = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hello")], new ChatOptions { MaxOutputTokens = 4, Seed = 1 }.WithIgnoreEndOfGeneration());

        Assert.StartsWith("qwen2", model.Description, StringComparison.Ordinal);
        Assert.Equal(4, reply.Usage!.OutputTokenCount);
    }

    [Fact]
    public void The_tiny_model_passes_every_check()
    {
        ModelFileCheck.Check(GgufReader.Read(TestModels.TinyPath));
    }
}

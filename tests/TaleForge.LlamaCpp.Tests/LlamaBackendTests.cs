using System.Security.Cryptography;
using TaleForge.LlamaCpp.Backends;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaCpp.Tests;

public class LlamaBackendTests
{
    [Fact]
    public async Task A_local_backend_names_its_file_by_size_and_hash_with_the_settings_that_shape_its_output()
    {
        using var backend = await LlamaBackend.LoadAsync(TestModels.TinyPath, new LlamaChatClientOptions { ContextSize = 2048, MaxSequences = 2, Threads = 1 }, threadsChosen: true);

        var reference = await backend.ReferenceAsync();

        Assert.Equal(("tiny.gguf", new FileInfo(TestModels.TinyPath).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestModels.TinyPath))), null),
            (reference.Model, reference.Bytes, reference.Sha256, reference.Endpoint));
        Assert.Equal([("ctx_size", "2048"), ("n_gpu_layers", "0"), ("parallel", "2"), ("threads", "1")], reference.Settings.Select(p => (p.Key, p.Value)));
        Assert.StartsWith("llama.cpp", reference.Backend, StringComparison.Ordinal);
        Assert.Same(reference, await backend.ReferenceAsync());
    }

    [Fact]
    public async Task A_local_backend_counts_with_the_models_tokenizer_shares_its_context_and_promises_grammar_seeds_and_determinism_on_the_cpu()
    {
        using var backend = await LlamaBackend.LoadAsync(TestModels.TinyPath, new LlamaChatClientOptions { ContextSize = 2048, MaxSequences = 4 }, threadsChosen: false);

        Assert.Equal(512, backend.ContextTokens);
        Assert.Equal(TestModels.Tiny.Tokenize("The lamp is dark.").Length, backend.CountTokens("The lamp is dark."));
        Assert.Equal(new Inference.Backends.BackendCapabilities(ConstrainedOutput: true, Seeds: true, Deterministic: true), backend.Capabilities);
        Assert.DoesNotContain("threads", (await backend.ReferenceAsync()).Settings.Keys);
    }
}

using System.Security.Cryptography;
using TaleForge.Inference.Backends;
using TaleForge.LlamaSharp.Backends;
using TaleForge.LlamaSharp.Chat;

namespace TaleForge.LlamaSharp.Tests;

[NeedsNativeLibrary]
public class BackendTests
{
    [Fact]
    public async Task The_backend_names_its_file_by_size_and_hash_and_says_it_is_llamasharp_on_the_cpu()
    {
        using var backend = await LlamaSharpBackend.LoadAsync(TinyModels.SharedPath, new LlamaSharpOptions { ContextSize = 1024, Threads = 1 }, threadsChosen: true);

        var reference = await backend.ReferenceAsync();

        Assert.Equal(("tiny.gguf", new FileInfo(TinyModels.SharedPath).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TinyModels.SharedPath))), null),
            (reference.Model, reference.Bytes, reference.Sha256, reference.Endpoint));
        Assert.Equal([("ctx_size", "1024"), ("n_gpu_layers", "0"), ("parallel", "1"), ("threads", "1")], reference.Settings.Select(p => (p.Key, p.Value)));
        Assert.StartsWith("LLamaSharp 0.30.0 CPU", reference.Backend, StringComparison.Ordinal);
        Assert.Equal(new BackendCapabilities(ConstrainedOutput: true, Seeds: true, Deterministic: true), backend.Capabilities);
        Assert.Equal(1024, backend.ContextTokens);
        Assert.True(backend.CountTokens("The lamp is dark.") is > 3 and < 30);
    }

    [Fact]
    public async Task Our_own_llama_cpp_libraries_are_never_loaded_into_a_llamasharp_process()
    {
        using var backend = await LlamaSharpBackend.LoadAsync(TinyModels.SharedPath, new LlamaSharpOptions { ContextSize = 512, Threads = 1 }, threadsChosen: false);
        await backend.Client.GetResponseAsync([new(Microsoft.Extensions.AI.ChatRole.User, "Hi")], new Microsoft.Extensions.AI.ChatOptions { MaxOutputTokens = 4, Seed = 1 });

        var mapped = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("libggml-base", StringComparison.Ordinal) || l.Contains("libllama", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('/', StringComparison.Ordinal))..]).Distinct().ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, path => Assert.DoesNotContain(Path.Combine(".taleforge", "llama"), path, StringComparison.Ordinal));
        Assert.All(mapped, path => Assert.Contains(Path.Combine("runtimes", "linux-x64"), path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_is_refused_in_words_before_llamasharp_sees_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taleforge-tests-{Environment.ProcessId}", "not-a-model.gguf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "GGUF but not really");

        var error = await Assert.ThrowsAsync<LlamaCpp.Gguf.InvalidModelFileException>(() => LlamaSharpChatClient.LoadAsync(path));
        Assert.Contains("not-a-model.gguf", error.Message, StringComparison.Ordinal);
    }
}

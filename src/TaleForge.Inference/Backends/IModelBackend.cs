using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Backends;

/// <summary>
/// What a model backend gives the engine: a chat client, its tokenizer, the context one request may use, what it
/// can promise, and how the header names it. A local GGUF file and a remote endpoint differ only behind this.
/// Disposing it releases the model.
/// </summary>
public interface IModelBackend : IDisposable
{
    IChatClient Client { get; }

    /// <summary>Tokens in a text by the model's own tokenizer, so prompts are cut to fit exactly.</summary>
    int CountTokens(string text);

    /// <summary>The context one request may fill, prompt and reply together (the whole context over the requests run at once).</summary>
    int ContextTokens { get; }

    BackendCapabilities Capabilities { get; }

    /// <summary>The model as the trajectory header names it; computing it may read the whole file (its hash).</summary>
    Task<BackendReference> ReferenceAsync(CancellationToken cancellation = default);
}

using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Fakes;

namespace TaleForge.Remote.Tests;

/// <summary>A backend whose replies come from a callback client, to test the server's HTTP side without a model.</summary>
internal sealed class CallbackBackend(CallbackChatClient client) : IModelBackend
{
    public CallbackChatClient Callbacks { get; } = client;
    public IChatClient Client => Callbacks;
    public int CountTokens(string text) => text.Length;
    public int ContextTokens => 4096;
    public BackendCapabilities Capabilities { get; } = new(true, true, true);
    public Task<BackendReference> ReferenceAsync(CancellationToken cancellation = default) =>
        Task.FromResult(new BackendReference { Model = "callback", Backend = "callback" });
    public void Dispose() => Callbacks.Dispose();
}

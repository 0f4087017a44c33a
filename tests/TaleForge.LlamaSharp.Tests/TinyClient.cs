using Microsoft.Extensions.AI;
using TaleForge.LlamaSharp.Chat;

namespace TaleForge.LlamaSharp.Tests;

/// <summary>The tiny random model (<see cref="TinyModels.SharedPath"/>) loaded through LLamaSharp, and the requests the tests share.</summary>
internal static class TinyClient
{
    public static Task<LlamaSharpChatClient> LoadAsync(int contextSize = 2048) =>
        LlamaSharpChatClient.LoadAsync(TinyModels.SharedPath, new LlamaSharpOptions { Threads = 1, ContextSize = contextSize });

    public static ChatMessage[] Ask(string question) =>
        [new(ChatRole.System, "You are the innkeeper of the Prancing Pony."), new(ChatRole.User, question)];
}

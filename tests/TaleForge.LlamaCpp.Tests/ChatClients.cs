using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>Clients and requests the generation tests share.</summary>
internal static class ChatClients
{
    public static LlamaChatClient Tiny(bool prefixCache = true, int maxSequences = 4, int contextSize = 2048, bool? separateStreams = null) =>
        new(TestModels.Tiny, new LlamaChatClientOptions
        {
            Threads = 1,
            ContextSize = contextSize,
            MaxSequences = maxSequences,
            PrefixCache = prefixCache,
            SeparateKvStreams = separateStreams,
        });

    public static ChatMessage[] Ask(string question) =>
        [new(ChatRole.System, "You are the innkeeper of the Prancing Pony."), new(ChatRole.User, question)];

    public static ChatOptions Fixed(int tokens, long seed) =>
        new ChatOptions { MaxOutputTokens = tokens, Seed = seed, Temperature = 0.9f }.WithIgnoreEndOfGeneration();
}

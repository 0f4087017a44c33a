using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Decorators;

/// <summary>
/// Sets <see cref="ChatOptions.Seed"/> from a derivation function when the caller did not set one, so every
/// call samples reproducibly. The caller's options are cloned, never changed.
/// </summary>
public sealed class SeedingChatClient : DelegatingChatClient
{
    private readonly Func<IEnumerable<ChatMessage>, ChatOptions?, long?> _deriveSeed;

    /// <param name="innerClient">The client that receives the seeded call.</param>
    /// <param name="deriveSeed">The seed for a call, or null to leave it unseeded.</param>
    public SeedingChatClient(IChatClient innerClient, Func<IEnumerable<ChatMessage>, ChatOptions?, long?> deriveSeed)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(deriveSeed);
        _deriveSeed = deriveSeed;
    }

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        return base.GetResponseAsync(list, Seeded(list, options), cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        return base.GetStreamingResponseAsync(list, Seeded(list, options), cancellationToken);
    }

    private ChatOptions? Seeded(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.Seed is not null || _deriveSeed(messages, options) is not { } seed)
        {
            return options;
        }
        var copy = options?.Clone() ?? new ChatOptions();
        copy.Seed = seed;
        return copy;
    }
}

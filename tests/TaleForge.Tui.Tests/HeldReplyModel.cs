using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaleForge.Tui.Tests;

/// <summary>
/// A model that streams: every question is answered from the grammar of its response format (as
/// <see cref="GrammarModel"/> does), except a character's turn, which says <see cref="Line"/>; the first such
/// reply stops halfway through the line until <see cref="Release"/> is called, so a test can look at the screen
/// while the reply is being written.
/// </summary>
internal sealed class HeldReplyModel : IChatClient
{
    public const string Line = "The tide is turning early tonight, mark me.";
    private const string HeldAfter = "The tide is turn";

    private readonly IChatClient _grammar = GrammarModel.Create();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turns;

    /// <summary>Completes when the held reply has streamed up to the middle of its line and waits.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Holding starts with the first turn asked after this is set: the game's opening plays through.</summary>
    public bool Armed { get; set; }

    public void Release() => _release.TrySetResult();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        IsTurn(options) ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Turn()))) : _grammar.GetResponseAsync(messages, options, cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!IsTurn(options))
        {
            await foreach (var update in _grammar.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }
            yield break;
        }
        var reply = Turn();
        var hold = Armed && Interlocked.Increment(ref _turns) == 1 ? reply.IndexOf(HeldAfter, StringComparison.Ordinal) + HeldAfter.Length : -1;
        for (var i = 0; i < reply.Length; i++)
        {
            if (i == hold)
            {
                _holding.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }
            yield return new ChatResponseUpdate(ChatRole.Assistant, reply[i].ToString());
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _grammar.GetService(serviceType, serviceKey);

    public void Dispose() => _grammar.Dispose();

    private static bool IsTurn(ChatOptions? options) => (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName == "character_turn";

    private static string Turn() =>
        $$"""{"action":"wipes the bar","dialogue":"{{Line}}","command":"none","target":"","emotion":"calm"}""";
}

using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Fakes;

/// <summary>
/// A chat client whose replies come from a callback, for tests that need a model without one. Usage counts one
/// token per UTF-8 byte, as a byte-level vocabulary would: input is the bytes of every message's text, output the
/// bytes of the reply. Every call is kept in <see cref="Calls"/> for assertions.
/// </summary>
public sealed class CallbackChatClient : IChatClient
{
    private readonly Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<IReadOnlyList<string>>> _reply;
    private readonly Lock _gate = new();
    private readonly List<CallbackChatCall> _calls = [];

    /// <summary>Replies with the callback's text; streaming yields it one character (code point) at a time.</summary>
    public CallbackChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, string> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _reply = (messages, options, _) => Task.FromResult(SplitIntoCharacters(reply(messages, options)));
    }

    /// <summary>Replies asynchronously, for tests of concurrency and cancellation.</summary>
    public CallbackChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<string>> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _reply = async (messages, options, cancellationToken) =>
            SplitIntoCharacters(await reply(messages, options, cancellationToken).ConfigureAwait(false));
    }

    private CallbackChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<IReadOnlyList<string>>> reply) =>
        _reply = reply;

    /// <summary>A client whose callback gives the reply as pieces: each piece is one streaming update.</summary>
    public static CallbackChatClient Streaming(Func<IReadOnlyList<ChatMessage>, ChatOptions?, IEnumerable<string>> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return new CallbackChatClient((messages, options, _) => Task.FromResult<IReadOnlyList<string>>([.. pieces(messages, options)]));
    }

    /// <summary>The model id reported in responses.</summary>
    public string ModelId { get; init; } = "callback";

    /// <summary>Every call so far, in the order they started.</summary>
    public IReadOnlyList<CallbackChatCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = Start(messages, options);
        cancellationToken.ThrowIfCancellationRequested();
        var text = string.Concat(await _reply(list, options, cancellationToken).ConfigureAwait(false));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(list, text),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = Start(messages, options);
        cancellationToken.ThrowIfCancellationRequested();
        var pieces = await _reply(list, options, cancellationToken).ConfigureAwait(false);
        foreach (var piece in pieces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = ModelId };
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(list, string.Concat(pieces)))])
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }
        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(nameof(CallbackChatClient), null, ModelId);
        }
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private IReadOnlyList<ChatMessage> Start(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> list = [.. messages];
        lock (_gate)
        {
            _calls.Add(new CallbackChatCall(list, options));
        }
        return list;
    }

    private static UsageDetails Usage(IReadOnlyList<ChatMessage> messages, string reply)
    {
        long input = messages.Sum(message => Encoding.UTF8.GetByteCount(message.Text));
        long output = Encoding.UTF8.GetByteCount(reply);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static IReadOnlyList<string> SplitIntoCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.EnumerateRunes().Select(rune => rune.ToString())];
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;

namespace TaleForge.Inference.Decorators;

/// <summary>
/// Reports every call (messages, options, raw reply, usage, duration, outcome) to an <see cref="IModelCallSink"/>,
/// after the call ends, and passes the call through unchanged; exceptions are reported, then rethrown.
/// </summary>
public sealed class RecordingChatClient : DelegatingChatClient
{
    private readonly IModelCallSink _sink;
    private readonly TimeProvider _time;
    private long _sequence;

    public RecordingChatClient(IChatClient innerClient, IModelCallSink sink, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _time = timeProvider ?? TimeProvider.System;
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = Begin(messages, options, streaming: false);
        try
        {
            var response = await base.GetResponseAsync(call.Messages, options, cancellationToken).ConfigureAwait(false);
            Report(call, ModelCallOutcome.Completed, response, null);
            return response;
        }
        catch (Exception error)
        {
            Report(call, OutcomeOf(error, cancellationToken), null, error);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = Begin(messages, options, streaming: true);
        var updates = new List<ChatResponseUpdate>();
        var reported = false;
        var stream = base.GetStreamingResponseAsync(call.Messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception error)
                {
                    reported = true;
                    Report(call, OutcomeOf(error, cancellationToken), updates.ToChatResponse(), error);
                    throw;
                }
                updates.Add(stream.Current);
                yield return stream.Current;
            }
            reported = true;
            Report(call, ModelCallOutcome.Completed, updates.ToChatResponse(), null);
        }
        finally
        {
            if (!reported)
            {
                Report(call, ModelCallOutcome.Abandoned, updates.ToChatResponse(), null);
            }
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private PendingCall Begin(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming) => new(
        Interlocked.Increment(ref _sequence),
        [.. messages],
        options?.Clone(),
        streaming,
        _time.GetUtcNow(),
        _time.GetTimestamp());

    private void Report(PendingCall call, ModelCallOutcome outcome, ChatResponse? response, Exception? error) =>
        _sink.Record(new ModelCallRecord
        {
            Sequence = call.Sequence,
            Messages = call.Messages,
            Options = call.Options,
            Streaming = call.Streaming,
            StartedAt = call.StartedAt,
            Duration = _time.GetElapsedTime(call.StartTimestamp),
            Outcome = outcome,
            ResponseText = response?.Text ?? "",
            Usage = response?.Usage,
            FinishReason = response?.FinishReason,
            ModelId = response?.ModelId,
            Exception = error,
        });

    private static ModelCallOutcome OutcomeOf(Exception error, CancellationToken cancellationToken) =>
        error is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? ModelCallOutcome.Cancelled
            : ModelCallOutcome.Failed;

    [DebuggerDisplay("call {Sequence}")]
    private sealed record PendingCall(
        long Sequence,
        IReadOnlyList<ChatMessage> Messages,
        ChatOptions? Options,
        bool Streaming,
        DateTimeOffset StartedAt,
        long StartTimestamp);
}

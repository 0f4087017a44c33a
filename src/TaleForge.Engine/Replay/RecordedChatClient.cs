using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Calls;

namespace TaleForge.Engine.Replay;

/// <summary>
/// A chat client that answers from a recording instead of a model: the n-th request of a role for a schema gets
/// the reply recorded for the n-th such request, attempt by attempt (refused attempts included, so re-asks
/// replay too). Agents built on it keep their recorded outputs while the situation around them changes. A
/// request the recording never saw is refused with a reason, and noted, so the game falls back as it would for
/// a model that failed: the character waits, beliefs stay as they were.
/// </summary>
public sealed class RecordedChatClient : IChatClient
{
    private readonly Dictionary<(string Role, string Schema), List<CallRecord>> _recorded = [];
    private readonly Dictionary<(string Role, string Schema), int> _asked = [];
    private readonly List<string> _notes = [];
    private readonly Lock _gate = new();

    /// <param name="calls">Model calls in the order they were made (human decisions are ignored).</param>
    public RecordedChatClient(IEnumerable<CallRecord> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        foreach (var call in calls.Where(c => c.ByModel))
        {
            var key = (call.Role.ToString(), call.Schema);
            if (!_recorded.TryGetValue(key, out var list))
            {
                _recorded[key] = list = [];
            }
            list.Add(call);
        }
    }

    /// <summary>Every request that had no recorded reply, as a sentence.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_gate)
            {
                return [.. _notes];
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var context = options.GetCallContext()
            ?? throw new InvalidOperationException("A recorded reply is found by the call's role; the request carries no call context.");
        var schema = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? "";
        var (reply, recorded) = Find(context, schema);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
        {
            ModelId = recorded.Model,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = recorded.PromptTokens,
                OutputTokenCount = recorded.CompletionTokens,
                TotalTokenCount = recorded.PromptTokens + recorded.CompletionTokens,
            },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private (string Reply, CallRecord Recorded) Find(ModelCallContext context, string schema)
    {
        lock (_gate)
        {
            var key = (context.Role, schema);
            // A first attempt is a new request; later attempts re-ask the same one.
            var occurrence = context.Attempt == 1 ? _asked[key] = _asked.GetValueOrDefault(key) + 1 : _asked.GetValueOrDefault(key);
            var recorded = _recorded.GetValueOrDefault(key) is { } list && occurrence >= 1 && occurrence <= list.Count ? list[occurrence - 1] : null;
            if (recorded is null)
            {
                var note = $"step {context.EventIndex}: {context.Role} asked for {schema} #{occurrence}, which the recording does not have "
                    + $"(it has {_recorded.GetValueOrDefault(key)?.Count ?? 0}); the game goes on as if the model had failed.";
                if (context.Attempt == 1)
                {
                    _notes.Add(note);
                }
                throw new InvalidOperationException($"no recorded reply ({note})");
            }
            var replies = Replies(recorded);
            if (context.Attempt > replies.Count)
            {
                var note = $"step {context.EventIndex}: {context.Role} re-asked for {schema} #{occurrence} (attempt {context.Attempt}), but the recording "
                    + $"has only {replies.Count} attempt(s): the recorded reply did not fit the new situation; the game goes on as if the model had failed.";
                if (context.Attempt == replies.Count + 1)
                {
                    _notes.Add(note);
                }
                throw new InvalidOperationException($"no recorded reply ({note})");
            }
            return (replies[context.Attempt - 1], recorded);
        }
    }

    /// <summary>What the model wrote, attempt by attempt: the refused ones, then the accepted reply (if any).</summary>
    private static List<string> Replies(CallRecord call)
    {
        var replies = call.Attempts.Select(a => a.Raw).ToList();
        if (call.Failure is null)
        {
            replies.Add(call.Raw);
        }
        return replies;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }
}

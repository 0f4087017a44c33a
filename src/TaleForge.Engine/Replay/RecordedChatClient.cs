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
/// Given the recorded models themselves (<c>live</c>, by model file), a request whose prompt is not the one
/// recorded (it depends on what changed, a swapped character's actions) or that the recording never saw is asked
/// again of the model that made the role's recorded calls, so its answer fits the new situation.
/// </summary>
public sealed class RecordedChatClient : IChatClient
{
    private readonly Dictionary<(string Role, string Schema), List<CallRecord>> _recorded = [];
    private readonly Dictionary<(string Role, string Schema), int> _asked = [];
    private readonly List<string> _notes = [];
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<string, IChatClient> _live;
    private readonly Dictionary<string, string> _modelOfRole = new(StringComparer.Ordinal);
    private readonly HashSet<(string Role, string Schema, int Occurrence)> _reasking = [];
    private int _reasked;

    /// <param name="calls">Model calls in the order they were made (human decisions are ignored).</param>
    /// <param name="live">The recorded models by file name, to ask again what the recording cannot answer as it was; none: only the recording answers.</param>
    public RecordedChatClient(IEnumerable<CallRecord> calls, IReadOnlyDictionary<string, IChatClient>? live = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        _live = live ?? new Dictionary<string, IChatClient>();
        foreach (var call in calls.Where(c => c.ByModel))
        {
            _modelOfRole.TryAdd(call.Role.ToString(), call.Model);
            var key = (call.Role.ToString(), call.Schema);
            if (!_recorded.TryGetValue(key, out var list))
            {
                _recorded[key] = list = [];
            }
            list.Add(call);
        }
    }

    /// <summary>Requests asked again of a recorded model because their prompt changed or was never recorded.</summary>
    public int Reasked
    {
        get
        {
            lock (_gate)
            {
                return _reasked;
            }
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
        var asked = messages.ToList();
        if (LiveFor(context, schema, asked) is { } live)
        {
            return live.GetResponseAsync(asked, options, cancellationToken);
        }
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

    /// <summary>
    /// The recorded model to ask, when this request is to be asked again: on its first attempt, its prompt differs
    /// from the recorded one of the same occurrence (or there is none); later attempts follow the first.
    /// </summary>
    private IChatClient? LiveFor(ModelCallContext context, string schema, List<ChatMessage> messages)
    {
        if (_live.Count == 0)
        {
            return null;
        }
        lock (_gate)
        {
            var key = (context.Role, schema);
            var occurrence = context.Attempt == 1 ? _asked.GetValueOrDefault(key) + 1 : _asked.GetValueOrDefault(key);
            if (context.Attempt > 1)
            {
                return _reasking.Contains((context.Role, schema, occurrence)) ? LiveModel(context.Role) : null;
            }
            var recorded = _recorded.GetValueOrDefault(key) is { } list && occurrence <= list.Count ? list[occurrence - 1] : null;
            var same = recorded is not null && recorded.Prompt.Select(p => p.Text).SequenceEqual(messages.Select(m => m.Text), StringComparer.Ordinal);
            if (same || LiveModel(context.Role) is not { } live)
            {
                return null;
            }
            // The occurrence is used up as a recorded one would be, so the requests after it stay in step.
            _asked[key] = occurrence;
            _reasking.Add((context.Role, schema, occurrence));
            _reasked++;
            return live;
        }
    }

    private IChatClient? LiveModel(string role) =>
        _modelOfRole.TryGetValue(role, out var model) && _live.TryGetValue(model, out var live) ? live : null;

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

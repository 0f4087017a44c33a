using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Streaming;

namespace TaleForge.Inference.Structured;

/// <summary>
/// Asks a chat client for a value of record type <typeparamref name="T"/>: sends the type's JSON schema as the
/// response format (a llama backend turns it into a grammar), reads the reply (JSON, schema, binding to
/// <typeparamref name="T"/>, then the caller's check) and, while the reply is refused and attempts remain,
/// re-asks with the reason ("your last reply was invalid because ..."). Never throws for bad model output or
/// backend errors: it returns a <see cref="TypedResult{T}"/> holding every attempt. Only the caller's own
/// cancellation is thrown.
/// </summary>
public sealed class TypedRequest<T>
{
    private static readonly Lazy<ReplySchemaCheck> TypeSchemaCheck = new(() => new ReplySchemaCheck(Schema));

    // Narrowed schemas recur (the same exits, the same people present), so their validators are kept.
    private static readonly ConcurrentDictionary<string, ReplySchemaCheck> NarrowedChecks = new(StringComparer.Ordinal);
    private const int NarrowedCheckLimit = 256;

    private readonly IChatClient _client;
    private readonly TypedRequestOptions _options;
    private readonly ChatResponseFormatJson _responseFormat;
    private readonly ReplySchemaCheck _schemaCheck;

    public TypedRequest(IChatClient client, TypedRequestOptions? options = null)
        : this(client, null, options)
    {
    }

    /// <summary>
    /// A request whose reply must match <paramref name="narrowedSchema"/>: <typeparamref name="T"/>'s schema with
    /// tighter constraints for this one call (an enum of the exits that exist right now, say), so a grammar
    /// backend can only produce choices that are valid here. The reply must still bind to <typeparamref name="T"/>.
    /// </summary>
    public TypedRequest(IChatClient client, JsonElement? narrowedSchema, TypedRequestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new TypedRequestOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxAttempts, 10, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.EchoLimit, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        // Loading the validator now turns a schema it cannot read into an error at start-up, not at the first reply.
        _schemaCheck = narrowedSchema is { } narrowed ? NarrowedCheck(narrowed) : TypeSchemaCheck.Value;
        _client = client;
        _options = options;
        _responseFormat = ChatResponseFormat.ForJsonSchema(
            narrowedSchema ?? Schema, options.SchemaName ?? typeof(T).Name, options.SchemaDescription);
    }

    private static ReplySchemaCheck NarrowedCheck(JsonElement schema)
    {
        var key = schema.GetRawText();
        if (NarrowedChecks.TryGetValue(key, out var check))
        {
            return check;
        }
        if (NarrowedChecks.Count >= NarrowedCheckLimit)
        {
            NarrowedChecks.Clear();
        }
        return NarrowedChecks.GetOrAdd(key, _ => new ReplySchemaCheck(schema));
    }

    /// <summary>The JSON schema of <typeparamref name="T"/> (see <see cref="TypedJson.SchemaFor(Type)"/>).</summary>
    public static JsonElement Schema => TypedJson.SchemaFor<T>();

    /// <summary>The response format this request sends.</summary>
    public ChatResponseFormatJson ResponseFormat => _responseFormat;

    /// <summary>
    /// Asks until a reply is accepted or <see cref="TypedRequestOptions.MaxAttempts"/> are spent.
    /// </summary>
    /// <param name="messages">The conversation; it is not changed (re-asks extend a copy).</param>
    /// <param name="options">Sampling options; cloned, with the response format set, and the attempt number set in
    /// the <see cref="ModelCallContext"/> when one is attached.</param>
    /// <param name="check">The game's own rule, run on a well-formed value: null to accept, or the reason to refuse.</param>
    /// <param name="cancellationToken">Cancels the request; the only exception this method lets through.</param>
    public async Task<TypedResult<T>> SendAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        Func<T, ReplyViolation?>? check = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var conversation = messages.ToList();
        var attempts = new List<TypedAttempt>();
        for (var number = 1; number <= _options.MaxAttempts; number++)
        {
            var attemptOptions = OptionsFor(options, number);
            var started = _options.TimeProvider.GetTimestamp();
            ChatResponse response;
            try
            {
                response = ReplyTextListener.Current is { } listener
                    ? await StreamAsync(conversation, attemptOptions, listener, number, cancellationToken).ConfigureAwait(false)
                    : await _client.GetResponseAsync(conversation, attemptOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A backend failure is recorded as a failed attempt; the game goes on.
            catch (Exception error)
#pragma warning restore CA1031
            {
                attempts.Add(new TypedAttempt(number, "", ReplyFailure.ModelError, $"the model could not reply ({error.Message})",
                    null, null, null, _options.TimeProvider.GetElapsedTime(started)));
                continue;
            }

            var raw = response.Text;
            var reading = Read(raw, check, _schemaCheck);
            attempts.Add(new TypedAttempt(number, raw, reading.Failure, reading.Error, response.ModelId,
                response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, _options.TimeProvider.GetElapsedTime(started)));
            if (reading.Succeeded)
            {
                return new TypedResult<T>(reading.Value, attempts);
            }
            conversation.Add(new ChatMessage(ChatRole.Assistant, Echo(raw)));
            conversation.Add(new ChatMessage(ChatRole.User, _options.Reask?.Invoke(new ReplyProblem(reading.Failure, reading.Error, reading.Violations))
                ?? $"Your last reply was invalid because {reading.Error}. Reply again with only the corrected JSON value."));
        }
        return new TypedResult<T>(default, attempts);
    }

    /// <summary>
    /// The same reply, streamed: the visible fields' text goes to <paramref name="listener"/> as it is decoded, and
    /// the pieces are put together into the response the request reads as usual.
    /// </summary>
    private async Task<ChatResponse> StreamAsync(
        List<ChatMessage> conversation, ChatOptions options, Action<StreamedText> listener, int attempt, CancellationToken cancellationToken)
    {
        var reader = new JsonStringFieldReader(ReplyTextListener.VisibleFields);
        var role = options.GetCallContext()?.Role ?? typeof(T).Name;
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            if (update.Text.Length > 0)
            {
                foreach (var text in reader.Read(update.Text))
                {
                    listener(new StreamedText(role, attempt, text.Field, text.Text));
                }
            }
        }
        return updates.ToChatResponse();
    }

    /// <summary>
    /// Reads one reply as the request does: JSON (a surrounding Markdown code fence is tolerated), the schema,
    /// binding to <typeparamref name="T"/>, then <paramref name="check"/>. Useful to re-read recorded replies.
    /// </summary>
    public static ReplyReading<T> Read(string rawText, Func<T, ReplyViolation?>? check = null) =>
        Read(rawText, check, TypeSchemaCheck.Value);

    private static ReplyReading<T> Read(string rawText, Func<T, ReplyViolation?>? check, ReplySchemaCheck schemaCheck)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        var json = WithoutCodeFence(rawText);
        if (string.IsNullOrWhiteSpace(json))
        {
            return ReplyReading<T>.Refused(ReplyFailure.EmptyReply, "the reply was empty");
        }
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            return ReplyReading<T>.Refused(ReplyFailure.NotJson, $"it is not valid JSON ({error.Message})");
        }
        if (schemaCheck.Check(json) is { Count: > 0 } violations)
        {
            var refused = ReplyReading<T>.Refused(ReplyFailure.SchemaViolation, $"it does not match the schema: {string.Join("; ", violations.Select(v => v.Text))}");
            return refused with { Violations = violations };
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, TypedJson.Options);
        }
        catch (JsonException error)
        {
            return ReplyReading<T>.Refused(ReplyFailure.WrongShape, $"it does not fit the expected shape ({error.Message})");
        }
        if (value is null)
        {
            return ReplyReading<T>.Refused(ReplyFailure.WrongShape, "it is null, but a value is required");
        }
        if (check?.Invoke(value) is { } broken)
        {
            return ReplyReading<T>.Refused(ReplyFailure.RuleViolation, broken.Text) with { Violations = [broken] };
        }
        return ReplyReading<T>.Accepted(value);
    }

    private ChatOptions OptionsFor(ChatOptions? options, int attempt)
    {
        var copy = options.GetCallContext() is { } context
            ? options.WithCallContext(context with { Attempt = attempt })
            : options?.Clone() ?? new ChatOptions();
        copy.ResponseFormat = _responseFormat;
        return copy;
    }

    private string Echo(string raw) =>
        raw.Length <= _options.EchoLimit ? raw : string.Concat(raw.AsSpan(0, _options.EchoLimit), " …");

    private static string WithoutCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }
        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? trimmed[3..^3].Trim() : trimmed[(firstLineEnd + 1)..^3].Trim();
    }
}

using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Decorators;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Seeds;
using TaleForge.Inference.Structured;
using TaleForge.Inference.Tests.Decisions;
using TaleForge.Inference.Tests.Support;

namespace TaleForge.Inference.Tests.Decorators;

public class RecordingChatClientTests
{
    private readonly ModelCallLog _log = new();
    private readonly SteppingTimeProvider _clock = new(TimeSpan.FromMilliseconds(40));

    [Fact]
    public async Task A_call_is_recorded_with_messages_options_seed_format_reply_usage_and_duration()
    {
        using var client = new CallbackChatClient((_, _) => "{\"ok\":true}") { ModelId = "tiny" }
            .AsBuilder().UseEpisodeSeeding(42).UseRecording(_log, _clock).Build();
        var format = ChatResponseFormat.ForJsonSchema(TypedJson.SchemaFor<PlotSummary>(), "PlotSummary");
        var options = new ChatOptions { ResponseFormat = format, MaxOutputTokens = 64 }.WithCallContext(new ModelCallContext("narrator.summary", 8));
        ChatMessage[] messages = [new(ChatRole.System, "Summarise."), new(ChatRole.User, "Round 3.")];

        await client.GetResponseAsync(messages, options);

        var call = Assert.Single(_log.Calls);
        Assert.Equal(1, call.Sequence);
        Assert.Equal(messages, call.Messages);
        Assert.Equal(new ModelCallContext("narrator.summary", 8), call.Context);
        Assert.Equal(SeedDerivation.Derive(42, 8, "narrator.summary"), call.Seed);
        Assert.Same(format, call.ResponseFormat);
        Assert.Equal(64, call.Options!.MaxOutputTokens);
        Assert.Equal(("{\"ok\":true}", "tiny", ChatFinishReason.Stop), (call.ResponseText, call.ModelId, call.FinishReason!.Value));
        Assert.Equal((18L, 11L), (call.Usage!.InputTokenCount!.Value, call.Usage.OutputTokenCount!.Value));
        Assert.Equal((ModelCallOutcome.Completed, false, (Exception?)null), (call.Outcome, call.Streaming, call.Exception));
        Assert.Equal((SteppingTimeProvider.Now, TimeSpan.FromMilliseconds(40)), (call.StartedAt, call.Duration));
    }

    [Fact]
    public async Task The_recorded_options_are_a_snapshot_that_later_changes_do_not_reach()
    {
        using var client = new RecordingChatClient(new CallbackChatClient((_, _) => "x"), _log);
        var options = new ChatOptions { Seed = 1 };

        await client.GetResponseAsync("q", options);
        options.Seed = 2;

        Assert.Equal(1, _log.Calls.Single().Seed);
    }

    [Fact]
    public async Task A_streamed_call_is_recorded_once_it_ends_with_the_whole_text_and_usage()
    {
        using var client = new RecordingChatClient(CallbackChatClient.Streaming((_, _) => ["Hel", "lo"]), _log, _clock);

        var updates = await client.GetStreamingResponseAsync("hi").ToListAsync();

        Assert.Equal(3, updates.Count);
        var call = Assert.Single(_log.Calls);
        Assert.Equal(("Hello", true, ModelCallOutcome.Completed), (call.ResponseText, call.Streaming, call.Outcome));
        Assert.Equal((2L, 5L), (call.Usage!.InputTokenCount!.Value, call.Usage.OutputTokenCount!.Value));
    }

    [Fact]
    public async Task A_stream_the_caller_stops_reading_is_recorded_as_abandoned_with_what_arrived()
    {
        using var client = new RecordingChatClient(CallbackChatClient.Streaming((_, _) => ["one ", "two ", "three"]), _log);

        await foreach (var update in client.GetStreamingResponseAsync("count"))
        {
            break;
        }

        var call = Assert.Single(_log.Calls);
        Assert.Equal((ModelCallOutcome.Abandoned, "one "), (call.Outcome, call.ResponseText));
    }

    [Fact]
    public async Task A_failing_call_is_recorded_with_its_exception_which_is_then_rethrown()
    {
        var failure = new InvalidOperationException("model file vanished");
        using var client = new RecordingChatClient(new CallbackChatClient((_, _) => throw failure), _log);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync("x"));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.GetStreamingResponseAsync("y").ToListAsync());

        Assert.Same(failure, thrown);
        Assert.Equal([(ModelCallOutcome.Failed, false), (ModelCallOutcome.Failed, true)], _log.Calls.Select(c => (c.Outcome, c.Streaming)));
        Assert.All(_log.Calls, call => Assert.Same(failure, call.Exception));
    }

    [Fact]
    public async Task A_cancelled_call_is_recorded_as_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        using var client = new RecordingChatClient(new CallbackChatClient((_, _) => "x"), _log);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("x", cancellationToken: cancel.Token));

        Assert.Equal(ModelCallOutcome.Cancelled, _log.Calls.Single().Outcome);
    }

    [Fact]
    public async Task Every_attempt_of_a_typed_request_is_recorded_in_order_with_its_attempt_number()
    {
        var replies = new Queue<string>(["not json", """{"summary":"They met.","tension":4}"""]);
        using var client = new CallbackChatClient((_, _) => replies.Dequeue()).AsBuilder().UseRecording(_log).Build();
        var options = new ChatOptions().WithCallContext(new ModelCallContext("narrator.summary", 3));

        var result = await new TypedRequest<PlotSummary>(client).SendAsync([new ChatMessage(ChatRole.User, "Summarise.")], options);

        Assert.Equal(new PlotSummary("They met.", 4), result.Value);
        Assert.Equal([1L, 2L], _log.Calls.Select(c => c.Sequence));
        Assert.Equal([1, 2], _log.Calls.Select(c => c.Context!.Attempt));
        Assert.Equal(["not json", """{"summary":"They met.","tension":4}"""], _log.Calls.Select(c => c.ResponseText));
        Assert.All(_log.Calls, call => Assert.IsType<ChatResponseFormatJson>(call.ResponseFormat));
    }

    [Fact]
    public async Task Concurrent_calls_are_all_recorded_with_distinct_sequence_numbers()
    {
        using var client = new RecordingChatClient(new CallbackChatClient(async (messages, _, token) =>
        {
            await Task.Delay(5, token);
            return messages[0].Text;
        }), _log);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetResponseAsync($"call {i}")));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), _log.Calls.Select(c => c.Sequence).Order());
        Assert.All(_log.Calls, call => Assert.Equal(call.Messages[0].Text, call.ResponseText));
    }
}

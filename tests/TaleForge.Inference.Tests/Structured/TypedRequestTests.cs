using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Structured;
using TaleForge.Inference.Tests.Decisions;
using TaleForge.Inference.Tests.Support;

namespace TaleForge.Inference.Tests.Structured;

public class TypedRequestTests
{
    private const string ValidAction = """{"kind":"move","target":null,"item":null,"exit":"north","description":"walks out","line":"Farewell."}""";

    private static readonly ChatMessage[] _prompt =
    [
        new(ChatRole.System, "You are Alice."),
        new(ChatRole.User, "What do you do?"),
    ];

    private static CallbackChatClient Replying(params string[] replies)
    {
        var next = 0;
        return new CallbackChatClient((_, _) => replies[Math.Min(next++, replies.Length - 1)]);
    }

    [Fact]
    public async Task Garbage_then_valid_json_succeeds_on_the_second_attempt_after_feeding_the_error_back()
    {
        var client = Replying("I walk north, obviously.", ValidAction);

        var result = await new TypedRequest<ActorAction>(client).SendAsync(_prompt);

        Assert.True(result.Succeeded);
        Assert.Equal(new ActorAction(ActionKind.Move, null, null, "north", "walks out", "Farewell."), result.Value);
        Assert.Equal([ReplyFailure.NotJson, ReplyFailure.None], result.Attempts.Select(a => a.Failure));
        Assert.Equal(["I walk north, obviously.", ValidAction], result.Attempts.Select(a => a.RawText));
        Assert.Equal(1, result.FormatFailures);
        Assert.Null(result.Error);

        var retry = client.Calls[1].Messages;
        Assert.Equal(4, retry.Count);
        Assert.Equal((ChatRole.Assistant, "I walk north, obviously."), (retry[2].Role, retry[2].Text));
        Assert.Equal(ChatRole.User, retry[3].Role);
        Assert.Equal(
            "Your last reply was invalid because it is not valid JSON ('I' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.). "
            + "Reply again with only the corrected JSON value.",
            retry[3].Text);
    }

    [Fact]
    public async Task A_schema_violation_is_named_with_its_path_and_limit()
    {
        var client = Replying("""{"targets":["a","b","c","d","e"],"reason":"all of them"}""", """{"targets":["a"],"reason":"only a"}""");

        var result = await new TypedRequest<InfluenceAnalysis>(client).SendAsync(_prompt);

        Assert.True(result.Succeeded);
        Assert.Equal(ReplyFailure.SchemaViolation, result.Attempts[0].Failure);
        Assert.Equal("it does not match the schema: /targets: list has more than 4 items", result.Attempts[0].Error);
    }

    [Fact]
    public async Task A_missing_property_and_an_unknown_enum_value_are_both_reported()
    {
        var reading = TypedRequest<TargetReaction>.Read("""{"kind":"fly","description":"up","line":null}""");

        Assert.Equal(ReplyFailure.SchemaViolation, reading.Failure);
        Assert.Equal(
            "it does not match the schema: /kind: value is not one of \"move\", \"take\", \"drop\", \"give\", \"say\", \"do\", \"wait\"; required property 'emotion' is missing",
            reading.Error);
    }

    [Fact]
    public async Task The_callers_check_refuses_a_well_formed_value_and_its_reason_is_fed_back()
    {
        var client = Replying(ValidAction, ValidAction.Replace("north", "south", StringComparison.Ordinal));
        ReplyViolation? NoNorthExit(ActorAction action) => action.Exit == "north" ? ReplyViolation.NotAmong("/exit", ["south", "east"]) : null;

        var result = await new TypedRequest<ActorAction>(client).SendAsync(_prompt, check: NoNorthExit);

        Assert.True(result.Succeeded);
        Assert.Equal("south", result.Value.Exit);
        Assert.Equal((ReplyFailure.RuleViolation, 1, 0), (result.Attempts[0].Failure, result.RuleViolations, result.FormatFailures));
        Assert.Equal(
            "Your last reply was invalid because exit must be one of: south, east. Reply again with only the corrected JSON value.",
            client.Calls[1].Messages[^1].Text);
    }

    [Fact]
    public void A_schema_violation_is_read_in_parts_a_reask_can_word_in_any_language()
    {
        var reading = TypedRequest<ActorAction>.Read(ValidAction.Replace("\"north\"", "5", StringComparison.Ordinal));

        Assert.Equal(ReplyFailure.SchemaViolation, reading.Failure);
        var violation = Assert.Single(reading.Violations);
        Assert.Equal(("/exit", ReplyViolation.WrongType, "string"), (violation.Path, violation.Kind, violation.Limit));
        Assert.Equal("it does not match the schema: /exit: string or null expected", reading.Error);
    }

    [Fact]
    public async Task When_every_attempt_fails_the_result_is_a_failure_with_every_attempt_and_nothing_is_thrown()
    {
        var client = Replying("", "{\"kind\":", "```json\n[]\n```");

        var result = await new TypedRequest<ActorAction>(client).SendAsync(_prompt);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal([ReplyFailure.EmptyReply, ReplyFailure.NotJson, ReplyFailure.SchemaViolation], result.Attempts.Select(a => a.Failure));
        Assert.Equal([1, 2, 3], result.Attempts.Select(a => a.Number));
        Assert.Equal(3, result.FormatFailures);
        Assert.Equal("it does not match the schema: object expected", result.Error);
        Assert.Equal(3, client.Calls.Count);
    }

    [Fact]
    public async Task A_backend_error_is_recorded_as_an_attempt_and_the_request_asks_again_unchanged()
    {
        var calls = 0;
        var client = new CallbackChatClient((_, _) => ++calls == 1 ? throw new InvalidOperationException("context is full") : ValidAction);

        var result = await new TypedRequest<ActorAction>(client).SendAsync(_prompt);

        Assert.True(result.Succeeded);
        Assert.Equal((ReplyFailure.ModelError, "the model could not reply (context is full)", ""),
            (result.Attempts[0].Failure, result.Attempts[0].Error, result.Attempts[0].RawText));
        Assert.Equal((1, 0), (result.ModelErrors, result.FormatFailures));
        Assert.Equal(_prompt.Length, client.Calls[1].Messages.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_the_one_exception_let_through()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new TypedRequest<ActorAction>(Replying(ValidAction)).SendAsync(_prompt, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task Each_attempt_sends_the_schema_as_response_format_and_its_attempt_number_without_touching_the_callers_options()
    {
        var client = Replying("nope", ValidAction);
        var options = new ChatOptions { Seed = 99, Temperature = 0.5f }.WithCallContext(new ModelCallContext("character.alice.action", 12));

        await new TypedRequest<ActorAction>(client, new TypedRequestOptions { SchemaDescription = "one action" }).SendAsync(_prompt, options);

        Assert.Null(options.ResponseFormat);
        Assert.Equal(1, options.GetCallContext()!.Attempt);
        foreach (var (call, attempt) in client.Calls.Select((call, i) => (call, i + 1)))
        {
            var format = Assert.IsType<ChatResponseFormatJson>(call.Options!.ResponseFormat);
            Assert.Equal(TypedJson.SchemaFor<ActorAction>().GetRawText(), format.Schema!.Value.GetRawText());
            Assert.Equal(("ActorAction", "one action"), (format.SchemaName, format.SchemaDescription));
            Assert.Equal((99L, 0.5f), (call.Options.Seed!.Value, call.Options.Temperature!.Value));
            Assert.Equal(new ModelCallContext("character.alice.action", 12, attempt), call.Options.GetCallContext());
        }
    }

    [Fact]
    public async Task Tokens_and_durations_of_every_attempt_are_added_up()
    {
        var client = Replying("oops", ValidAction);
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(250));

        var result = await new TypedRequest<ActorAction>(client, new TypedRequestOptions { TimeProvider = clock }).SendAsync(_prompt);

        // The fake counts one token per UTF-8 byte: the prompt is 14 + 15 bytes; the re-ask adds "oops" and the feedback.
        Assert.Equal([29L, 29L + 4 + client.Calls[1].Messages[3].Text.Length], result.Attempts.Select(a => a.InputTokens!.Value));
        Assert.Equal([4L, ValidAction.Length], result.Attempts.Select(a => a.OutputTokens!.Value));
        Assert.Equal(result.Attempts.Sum(a => a.InputTokens!.Value), result.InputTokens);
        Assert.Equal(4 + ValidAction.Length, result.OutputTokens);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], result.Attempts.Select(a => a.Duration));
        Assert.Equal(TimeSpan.FromMilliseconds(500), result.Duration);
        Assert.Equal(["callback", "callback"], result.Attempts.Select(a => a.ModelId));
    }

    [Fact]
    public async Task A_long_invalid_reply_is_cut_before_it_is_repeated_back()
    {
        var client = Replying(new string('x', 5000), ValidAction);

        await new TypedRequest<ActorAction>(client, new TypedRequestOptions { EchoLimit = 10 }).SendAsync(_prompt);

        Assert.Equal("xxxxxxxxxx …", client.Calls[1].Messages[2].Text);
    }

    [Fact]
    public async Task The_callers_message_list_is_left_as_it_was()
    {
        var messages = _prompt.ToList();

        await new TypedRequest<ActorAction>(Replying("bad", "worse", ValidAction)).SendAsync(messages);

        Assert.Equal(_prompt, messages);
    }

    [Theory]
    [InlineData("```json\n" + ValidAction + "\n```")]
    [InlineData("```\n" + ValidAction + "```")]
    [InlineData("  \n" + ValidAction + "\n")]
    public void A_reply_in_a_code_fence_or_with_surrounding_whitespace_is_read(string reply)
    {
        Assert.True(TypedRequest<ActorAction>.Read(reply).Succeeded);
    }

    [Fact]
    public void A_value_that_passes_the_schema_but_does_not_fit_the_type_is_a_shape_failure()
    {
        var reading = TypedRequest<Counter>.Read("""{"count":99999999999}""");

        Assert.Equal(ReplyFailure.WrongShape, reading.Failure);
        Assert.StartsWith("it does not fit the expected shape (The JSON value could not be converted to ", reading.Error);
        Assert.Contains("Counter. Path: $.count", reading.Error);
    }

    [Fact]
    public void Recursive_records_are_validated_through_their_schema_references()
    {
        Assert.True(TypedRequest<Outline>.Read("""{"title":"a","sections":[{"title":"b","sections":[]}]}""").Succeeded);
        Assert.Equal(
            "it does not match the schema: /sections[0]/title: string expected",
            TypedRequest<Outline>.Read("""{"title":"a","sections":[{"title":1,"sections":[]}]}""").Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Attempts_outside_one_to_ten_are_refused(int attempts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TypedRequest<ActorAction>(Replying(ValidAction), new TypedRequestOptions { MaxAttempts = attempts }));
    }

    public sealed record Counter(int Count);

    public sealed record Outline(string Title, IReadOnlyList<Outline> Sections);
}

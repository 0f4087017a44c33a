using Microsoft.Extensions.AI;
using TaleForge.Inference.Fakes;

namespace TaleForge.Inference.Tests.Fakes;

public class CallbackChatClientTests
{
    [Fact]
    public async Task A_reply_carries_the_callbacks_text_and_counts_one_token_per_utf8_byte()
    {
        var client = new CallbackChatClient((messages, _) => $"you said {messages[^1].Text}") { ModelId = "fake-1" };

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "héllo")]);

        Assert.Equal("you said héllo", response.Text);
        Assert.Equal((8L + 6, 15L, 29L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.TotalTokenCount!.Value));
        Assert.Equal(("fake-1", ChatFinishReason.Stop), (response.ModelId, response.FinishReason!.Value));
    }

    [Fact]
    public async Task Streaming_a_text_reply_yields_one_update_per_character_then_the_usage()
    {
        var client = new CallbackChatClient((_, _) => "a中😀");

        var updates = await client.GetStreamingResponseAsync("hi").ToListAsync();

        Assert.Equal(["a", "中", "😀", ""], updates.Select(u => u.Text));
        var response = updates.ToChatResponse();
        Assert.Equal("a中😀", response.Text);
        Assert.Equal((2L, 8L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task A_streaming_callback_chooses_its_own_pieces()
    {
        var client = CallbackChatClient.Streaming((_, _) => ["{\"a\":", "1}"]);

        Assert.Equal(["{\"a\":", "1}", ""], (await client.GetStreamingResponseAsync("go").ToListAsync()).Select(u => u.Text));
        Assert.Equal("{\"a\":1}", (await client.GetResponseAsync("go")).Text);
    }

    [Fact]
    public async Task Every_call_is_kept_with_its_messages_and_options()
    {
        var client = new CallbackChatClient((_, options) => $"seed {options?.Seed}");
        var options = new ChatOptions { Seed = 5 };

        await client.GetResponseAsync("one", options);
        await client.GetResponseAsync("two");

        Assert.Equal(["one", "two"], client.Calls.Select(c => c.Messages.Single().Text));
        Assert.Same(options, client.Calls[0].Options);
        Assert.Null(client.Calls[1].Options);
    }

    [Fact]
    public async Task An_async_callback_sees_the_cancellation_token()
    {
        using var cancel = new CancellationTokenSource();
        var client = new CallbackChatClient(async (_, _, token) =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return "never";
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("x", cancellationToken: cancel.Token));
    }

    [Fact]
    public void The_client_describes_itself_as_a_service()
    {
        using var client = new CallbackChatClient((_, _) => "") { ModelId = "fake-2" };

        Assert.Equal("fake-2", client.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.Null(client.GetService<string>());
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaSharp.Tests;

[NeedsNativeLibrary]
public class GenerationTests
{
    private static ChatOptions Fixed(int tokens, long seed) =>
        new ChatOptions { MaxOutputTokens = tokens, Seed = seed, Temperature = 0.9f }.WithIgnoreEndOfGeneration();

    [Fact]
    public async Task The_same_seed_gives_the_same_text_twice_and_another_seed_another_text()
    {
        using var client = await TinyClient.LoadAsync();
        var first = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(60, 7));
        var again = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(60, 7));
        var other = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(60, 8));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.NotEmpty(first.Text);
    }

    [Fact]
    public async Task A_second_process_wide_load_of_the_model_gives_the_same_seeded_text()
    {
        string text;
        using (var client = await TinyClient.LoadAsync())
        {
            text = (await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(40, 3))).Text;
        }
        using var reloaded = await TinyClient.LoadAsync(contextSize: 1024);
        Assert.Equal(text, (await reloaded.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(40, 3))).Text);
    }

    [Fact]
    public async Task Usage_counts_the_prompt_by_the_models_tokenizer_and_every_generated_token()
    {
        using var client = await TinyClient.LoadAsync();
        var messages = TinyClient.Ask("Any news?");
        var prompt = client.FormatPrompt(messages);
        var expectedPrompt = client.Weights.NativeHandle.Tokenize(prompt, client.Weights.Vocab.ShouldAddBOS, true, Encoding.UTF8).Length;

        var reply = await client.GetResponseAsync(messages, Fixed(25, 1));

        Assert.Equal(ChatFinishReason.Length, reply.FinishReason);
        Assert.Equal(expectedPrompt, reply.Usage!.InputTokenCount);
        Assert.Equal(25, reply.Usage.OutputTokenCount);
        Assert.Equal(expectedPrompt + 25, reply.Usage.TotalTokenCount);
        Assert.True((double)reply.AdditionalProperties!["llama.tokens_per_second"]! > 0);
    }

    [Fact]
    public async Task The_prompt_is_rendered_with_the_chat_template_stored_in_the_model()
    {
        using var client = await TinyClient.LoadAsync();
        var prompt = client.FormatPrompt([new ChatMessage(ChatRole.User, "Hello")], new ChatOptions { Instructions = "Be brief." });
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public async Task Streaming_gives_the_same_text_as_a_whole_reply_and_ends_with_usage_and_the_finish_reason()
    {
        using var client = await TinyClient.LoadAsync();
        var whole = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(30, 5));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(TinyClient.Ask("Any news?"), Fixed(30, 5)))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2, $"{updates.Count} updates");
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        Assert.Equal(30, updates[^1].Contents.OfType<UsageContent>().Single().Details.OutputTokenCount);
    }

    [Fact]
    public async Task A_stop_string_ends_the_reply_before_it()
    {
        using var client = await TinyClient.LoadAsync();
        var free = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(60, 11));
        var stop = free.Text.Substring(20, 3);
        var expected = free.Text[..free.Text.IndexOf(stop, StringComparison.Ordinal)];

        var options = Fixed(60, 11);
        options.StopSequences = [stop];
        var stopped = await client.GetResponseAsync(TinyClient.Ask("Any news?"), options);

        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
        Assert.Equal(expected, stopped.Text);
    }

    [Fact]
    public async Task A_cancelled_request_stops_with_a_cancellation_and_leaves_the_client_serving_the_same_text()
    {
        using var client = await TinyClient.LoadAsync();
        var expected = await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(40, 9));

        using var cancel = new CancellationTokenSource();
        var pieces = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(TinyClient.Ask("Any news?"), Fixed(4000, 9), cancel.Token))
            {
                if (++pieces == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.InRange(pieces, 3, 4);

        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(40, 9), already.Token));

        Assert.Equal(expected.Text, (await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(40, 9))).Text);
    }

    [Fact]
    public async Task Concurrent_requests_take_turns_and_each_gets_the_text_it_would_get_alone()
    {
        using var client = await TinyClient.LoadAsync();
        var alone = new List<string>();
        for (var seed = 0; seed < 3; seed++)
        {
            alone.Add((await client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(20, seed))).Text);
        }
        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(seed => client.GetResponseAsync(TinyClient.Ask("Any news?"), Fixed(20, seed))));
        Assert.Equal(alone, together.Select(r => r.Text));
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_with_what_to_do()
    {
        using var client = await TinyClient.LoadAsync(contextSize: 64);
        var longQuestion = string.Join(' ', Enumerable.Range(0, 200).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var error = await Assert.ThrowsAsync<Core.TaleForgeException>(() => client.GetResponseAsync(TinyClient.Ask(longQuestion), Fixed(10, 1)));
        Assert.Contains("larger context size", error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.LlamaCpp.Batching;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.LlamaCpp.Tests;

[NeedsNativeLibrary]
public class GenerationTests
{
    [Fact]
    public async Task A_fixed_length_request_generates_exactly_that_many_tokens_and_reports_usage_and_timings()
    {
        using var client = ChatClients.Tiny();
        var response = await client.GetResponseAsync(ChatClients.Ask("A room for the night?"), ChatClients.Fixed(24, 7));
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(24, response.Usage!.OutputTokenCount);
        var prompt = client.Model.Tokenize(client.FormatPrompt(ChatClients.Ask("A room for the night?")), parseSpecial: true);
        Assert.Equal(prompt.Length, response.Usage.InputTokenCount);
        var stats = Assert.IsType<GenerationStats>(response.AdditionalProperties!["llama.stats"]);
        Assert.Equal(24, stats.GeneratedTokens);
        Assert.True(stats.PromptMilliseconds > 0);
    }

    [Fact]
    public async Task The_same_prompt_options_and_seed_give_the_same_text_and_another_seed_another_text()
    {
        using var client = ChatClients.Tiny(prefixCache: false);
        var first = await client.GetResponseAsync(ChatClients.Ask("Any news?"), ChatClients.Fixed(40, 123));
        var second = await client.GetResponseAsync(ChatClients.Ask("Any news?"), ChatClients.Fixed(40, 123));
        var other = await client.GetResponseAsync(ChatClients.Ask("Any news?"), ChatClients.Fixed(40, 124));
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_as_a_whole_response_and_ends_with_usage()
    {
        using var client = ChatClients.Tiny();
        var whole = await client.GetResponseAsync(ChatClients.Ask("Sing"), ChatClients.Fixed(30, 5));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(ChatClients.Ask("Sing"), ChatClients.Fixed(30, 5)))
        {
            updates.Add(update);
        }
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        Assert.Equal(30, updates[^1].Contents.OfType<UsageContent>().Single().Details.OutputTokenCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_requests_are_decoded_together_and_give_the_same_outputs_as_one_at_a_time(bool separateStreams)
    {
        var questions = new[] { "Where is the ranger?", "What is for supper?", "Who owns the pony?", "Is the road safe?" };
        using var alone = ChatClients.Tiny(prefixCache: false, maxSequences: 1);
        var sequential = new List<string>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            sequential.Add((await alone.GetResponseAsync(ChatClients.Ask(question), ChatClients.Fixed(32, 100 + i))).Text);
        }

        using var together = ChatClients.Tiny(prefixCache: false, separateStreams: separateStreams);
        var batched = await Task.WhenAll(questions.Select((q, i) => together.GetResponseAsync(ChatClients.Ask(q), ChatClients.Fixed(32, 100 + i))));
        Assert.Equal(sequential, batched.Select(r => r.Text));
        // Four sequences of 32 tokens one by one need at least 4 x 32 decodes; packed, far fewer.
        Assert.True(together.DecodeCalls < alone.DecodeCalls * 0.6, $"{together.DecodeCalls} batched vs {alone.DecodeCalls} sequential decodes");
    }

    [Fact]
    public async Task Eight_staggered_requests_of_different_lengths_match_their_solo_outputs_over_many_seeds()
    {
        using var solo = ChatClients.Tiny(prefixCache: false, maxSequences: 8);
        using var shared = ChatClients.Tiny(prefixCache: false, maxSequences: 8);
        for (var round = 0; round < 3; round++)
        {
            var questions = Enumerable.Range(0, 8).Select(i => $"Round {round} question {i}: " + new string('x', i * 7)).ToArray();
            var expected = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                expected.Add((await solo.GetResponseAsync(ChatClients.Ask(questions[i]), ChatClients.Fixed(48 + (i * 8), (round * 100) + i))).Text);
            }
            var running = new List<Task<ChatResponse>>();
            for (var i = 0; i < 8; i++)
            {
                running.Add(shared.GetResponseAsync(ChatClients.Ask(questions[i]), ChatClients.Fixed(48 + (i * 8), (round * 100) + i)));
                await Task.Delay(2);
            }
            Assert.Equal(expected, (await Task.WhenAll(running)).Select(r => r.Text));
        }
    }

    [Fact]
    public async Task A_prompt_that_extends_a_cached_one_evaluates_only_the_new_tokens_and_gives_the_same_output()
    {
        var history = string.Concat(Enumerable.Repeat("The party rests at the inn while rain falls on Bree. ", 12));
        ChatMessage[] first = [new(ChatRole.System, history), new(ChatRole.User, "Who is at the door?")];
        ChatMessage[] second = [new(ChatRole.System, history), new(ChatRole.User, "What does the stranger want?")];

        using var cold = ChatClients.Tiny(prefixCache: false);
        var expected = await cold.GetResponseAsync(second, ChatClients.Fixed(24, 9));

        using var warm = ChatClients.Tiny(prefixCache: true);
        await warm.GetResponseAsync(first, ChatClients.Fixed(8, 1));
        var reused = await warm.GetResponseAsync(second, ChatClients.Fixed(24, 9));

        Assert.Equal(expected.Text, reused.Text);
        var stats = (GenerationStats)reused.AdditionalProperties!["llama.stats"]!;
        Assert.True(stats.CachedPromptTokens > stats.PromptTokens / 2, $"{stats.CachedPromptTokens} of {stats.PromptTokens} prompt tokens reused");
        Assert.Equal(stats.CachedPromptTokens, reused.Usage!.CachedInputTokenCount);
        Assert.True(stats.EvaluatedPromptTokens < ((GenerationStats)expected.AdditionalProperties!["llama.stats"]!).EvaluatedPromptTokens / 2);
    }

    private static readonly string[] Questions = ["Ale?", "Bread?", "Stew?"];

    /// <summary>Each question's text one after another with no prefix cache: what cached and batched runs must match.</summary>
    private static async Task<List<string>> UncachedTextsAsync(Func<string, ChatMessage[]> conversation, long seed)
    {
        using var cold = ChatClients.Tiny(prefixCache: false);
        var texts = new List<string>();
        foreach (var question in Questions)
        {
            texts.Add((await cold.GetResponseAsync(conversation(question), ChatClients.Fixed(16, seed))).Text);
        }
        return texts;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_requests_with_a_shared_prefix_copy_it_from_the_live_sequence_and_match_the_uncached_outputs(bool separateStreams)
    {
        var history = string.Concat(Enumerable.Repeat("Old Barliman polishes a mug and hums. ", 10));
        ChatMessage[] Conversation(string q) => [new(ChatRole.System, history), new(ChatRole.User, q)];
        var expected = await UncachedTextsAsync(Conversation, 3);

        using var shared = ChatClients.Tiny(prefixCache: true, separateStreams: separateStreams);
        await shared.GetResponseAsync(Conversation("Water?"), ChatClients.Fixed(4, 3));
        var results = await Task.WhenAll(Questions.Select(q => shared.GetResponseAsync(Conversation(q), ChatClients.Fixed(16, 3))));
        Assert.Equal(expected, results.Select(r => r.Text));
        Assert.All(results, r => Assert.True(r.Usage!.CachedInputTokenCount > 50));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Requests_arriving_together_with_a_shared_beginning_read_it_once_and_match_the_uncached_outputs(bool separateStreams)
    {
        var history = string.Concat(Enumerable.Repeat("Rain drums on the roof of the Prancing Pony. ", 10));
        ChatMessage[] Conversation(string q) => [new(ChatRole.System, history), new(ChatRole.User, q)];
        var expected = await UncachedTextsAsync(Conversation, 5);

        // Nothing cached beforehand: one of them reads the shared beginning, the others wait for its cells and copy them.
        using var shared = ChatClients.Tiny(prefixCache: true, separateStreams: separateStreams);
        var results = await Task.WhenAll(Questions.Select(q => shared.GetResponseAsync(Conversation(q), ChatClients.Fixed(16, 5))));

        Assert.Equal(expected, results.Select(r => r.Text));
        var cached = results.Select(r => r.Usage!.CachedInputTokenCount ?? 0).Order().ToList();
        Assert.Equal(0, cached[0]);
        Assert.All(cached.Skip(1), c => Assert.True(c > 100, $"{c} prompt tokens copied"));
    }

    [Fact]
    public async Task Requests_joining_while_another_is_generating_are_packed_into_its_steps_and_match_their_solo_outputs()
    {
        using var solo = ChatClients.Tiny(prefixCache: false);
        var expectedLong = (await solo.GetResponseAsync(ChatClients.Ask("Tell the whole tale."), ChatClients.Fixed(1500, 21))).Text;
        var expectedB = (await solo.GetResponseAsync(ChatClients.Ask("Quick question?"), ChatClients.Fixed(40, 22))).Text;
        var expectedC = (await solo.GetResponseAsync(ChatClients.Ask("Another one?"), ChatClients.Fixed(40, 23))).Text;

        using var shared = ChatClients.Tiny(prefixCache: false);
        var text = new System.Text.StringBuilder();
        Task<ChatResponse>[] joiners = [];
        var pieces = 0;
        // Long enough that the others join while it runs, however late this loop reads its first pieces.
        await foreach (var update in shared.GetStreamingResponseAsync(ChatClients.Ask("Tell the whole tale."), ChatClients.Fixed(1500, 21)))
        {
            text.Append(update.Text);
            if (++pieces == 20)
            {
                joiners = [shared.GetResponseAsync(ChatClients.Ask("Quick question?"), ChatClients.Fixed(40, 22)), shared.GetResponseAsync(ChatClients.Ask("Another one?"), ChatClients.Fixed(40, 23))];
            }
        }
        var joined = await Task.WhenAll(joiners);
        Assert.Equal(expectedLong, text.ToString());
        Assert.Equal(expectedB, joined[0].Text);
        Assert.Equal(expectedC, joined[1].Text);
        Assert.True(shared.DecodeCalls < solo.DecodeCalls - 30, $"{shared.DecodeCalls} decodes shared vs {solo.DecodeCalls} solo");
    }

    [Fact]
    public async Task Cached_prefixes_are_evicted_when_the_context_runs_short_and_outputs_stay_correct()
    {
        var prompts = Enumerable.Range(0, 8).Select(i => ChatClients.Ask($"Story {i}: " + string.Concat(Enumerable.Repeat($"the lantern {i} flickers, ", 8)))).ToArray();
        // Eviction is about cells shared by every sequence: the unified cache.
        using var plain = ChatClients.Tiny(prefixCache: false, contextSize: 512, separateStreams: false);
        using var cached = ChatClients.Tiny(prefixCache: true, contextSize: 512, separateStreams: false);
        foreach (var (prompt, i) in prompts.Select((p, i) => (p, i)))
        {
            var expected = await plain.GetResponseAsync(prompt, ChatClients.Fixed(30, i));
            var actual = await cached.GetResponseAsync(prompt, ChatClients.Fixed(30, i));
            Assert.Equal(expected.Text, actual.Text);
        }
        // Every prompt alone would fit; all of them cached at once would not (8 x ~200 tokens in 512 cells).
        var again = await cached.GetResponseAsync(prompts[^1], ChatClients.Fixed(30, 7));
        Assert.True(again.Usage!.CachedInputTokenCount > 100);
        Assert.Equal((await plain.GetResponseAsync(prompts[^1], ChatClients.Fixed(30, 7))).Text, again.Text);
    }

    [Fact]
    public async Task Concurrent_requests_too_large_to_share_the_context_wait_their_turn_and_each_generates_in_full()
    {
        // Three requests of ~200 prompt + 120 output tokens: two fit in 768 cells at once, the third must wait.
        var prompts = Enumerable.Range(0, 3).Select(i => ChatClients.Ask($"Tale {i}: " + string.Concat(Enumerable.Repeat($"the tide {i} turns, ", 9)))).ToArray();
        using var solo = ChatClients.Tiny(contextSize: 768, maxSequences: 1);
        var expected = new List<string>();
        foreach (var (prompt, i) in prompts.Select((p, i) => (p, i)))
        {
            expected.Add((await solo.GetResponseAsync(prompt, ChatClients.Fixed(120, i))).Text);
        }
        using var shared = ChatClients.Tiny(contextSize: 768, maxSequences: 4, separateStreams: false);
        var responses = await Task.WhenAll(prompts.Select((p, i) => shared.GetResponseAsync(p, ChatClients.Fixed(120, i))));
        Assert.All(responses, r => Assert.Equal(120, r.Usage!.OutputTokenCount));
        Assert.Equal(expected, responses.Select(r => r.Text));
    }

    [Fact]
    public async Task With_a_stream_per_sequence_each_request_has_the_whole_context_and_none_waits_for_another()
    {
        // Three requests of ~200 prompt + 200 output tokens: together far more than 512 cells, each alone within them.
        var prompts = Enumerable.Range(0, 3).Select(i => ChatClients.Ask($"Tale {i}: " + string.Concat(Enumerable.Repeat($"the tide {i} turns, ", 9)))).ToArray();
        using var solo = ChatClients.Tiny(prefixCache: false, contextSize: 512, maxSequences: 1);
        var expected = new List<string>();
        foreach (var (prompt, i) in prompts.Select((p, i) => (p, i)))
        {
            expected.Add((await solo.GetResponseAsync(prompt, ChatClients.Fixed(200, i))).Text);
        }

        using var streams = ChatClients.Tiny(prefixCache: false, contextSize: 512, maxSequences: 3, separateStreams: true);
        Assert.Equal(512, streams.ContextSize);
        var responses = await Task.WhenAll(prompts.Select((p, i) => streams.GetResponseAsync(p, ChatClients.Fixed(200, i))));
        Assert.All(responses, r => Assert.Equal(200, r.Usage!.OutputTokenCount));
        Assert.Equal(expected, responses.Select(r => r.Text));
        // Decoded side by side: about one decode per generated token for all three, not three times that.
        Assert.True(streams.DecodeCalls < solo.DecodeCalls * 0.6, $"{streams.DecodeCalls} decodes together vs {solo.DecodeCalls} one by one");
    }

    [Fact]
    public async Task Cancelling_a_running_generation_ends_it_cleanly_and_the_client_keeps_working()
    {
        using var client = ChatClients.Tiny(contextSize: 2048);
        using var cancellation = new CancellationTokenSource();
        var pieces = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(ChatClients.Ask("Tell me everything."), ChatClients.Fixed(1500, 11), cancellation.Token))
            {
                if (++pieces == 5)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.InRange(pieces, 5, 1000);

        using var fresh = ChatClients.Tiny();
        var expected = await fresh.GetResponseAsync(ChatClients.Ask("And now?"), ChatClients.Fixed(20, 12));
        var after = await client.GetResponseAsync(ChatClients.Ask("And now?"), ChatClients.Fixed(20, 12));
        Assert.Equal(expected.Text, after.Text);
    }

    [Fact]
    public async Task Leaving_a_stream_early_stops_its_generation()
    {
        using var client = ChatClients.Tiny();
        var pieces = 0;
        await foreach (var update in client.GetStreamingResponseAsync(ChatClients.Ask("Talk forever."), ChatClients.Fixed(1500, 13)))
        {
            if (++pieces == 3)
            {
                break;
            }
        }
        await Task.Delay(300);
        var settled = client.DecodeCalls;
        await Task.Delay(300);
        Assert.Equal(settled, client.DecodeCalls);
        Assert.True(settled < 500, $"{settled} decodes ran after the caller left");
    }

    [Fact]
    public async Task A_request_cancelled_before_it_starts_throws_and_runs_nothing()
    {
        using var client = ChatClients.Tiny();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.GetResponseAsync(ChatClients.Ask("Hello?"), ChatClients.Fixed(10, 1), new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_with_a_clear_message()
    {
        using var client = ChatClients.Tiny(contextSize: 256);
        var error = await Assert.ThrowsAsync<TaleForgeException>(() =>
            client.GetResponseAsync(ChatClients.Ask(new string('x', 500)), ChatClients.Fixed(10, 1)));
        Assert.Contains($"context holds {client.ContextSize}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generation_that_fills_the_context_stops_with_finish_reason_length()
    {
        using var client = ChatClients.Tiny(contextSize: 256, maxSequences: 1);
        var response = await client.GetResponseAsync(ChatClients.Ask("Go on."), ChatClients.Fixed(500, 2));
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.True(response.Usage!.OutputTokenCount < 500);
        Assert.True(response.Usage.InputTokenCount + response.Usage.OutputTokenCount <= client.ContextSize + 1);
    }

    [Fact]
    public void Without_a_template_the_prompt_falls_back_to_chatml()
    {
        var text = ChatPromptFormatter.FormatChatMl([("system", "Be brief."), ("user", "Hi")]);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", text);
        using var client = ChatClients.Tiny();
        Assert.Equal(text, client.FormatPrompt([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")]));
    }
}

using System.Diagnostics;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// The scheduler's error paths, each repeated at least 100 times: a native crash on any of them ends this process,
/// so a pass means none happened. Each test has a time bound so a hang fails it instead of stalling the run.
/// </summary>
[Slow]
[NeedsNativeLibrary]
public class ErrorPathStressTests
{
    private const int Rounds = 100;
    private static TimeSpan Bound { get; } = TimeSpan.FromSeconds(90);

    private static readonly string _longText = string.Concat(Enumerable.Repeat("The lantern swings over the harbour wall. ", 200));

    [Fact]
    public async Task Disposing_a_client_while_other_threads_tokenise_and_submit_ends_them_with_disposed_errors_never_a_crash()
    {
        // What `eval --judge` did: one judging request failed, the models were disposed, the others ran on.
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            var client = await LlamaChatClient.LoadAsync(TestModels.TinyPath, new LlamaChatClientOptions { Threads = 1, ContextSize = 1024, MaxSequences = 4 });
            using var start = new Barrier(5);
            var workers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                start.SignalAndWait();
                for (var n = 0; n < 50; n++)
                {
                    client.Model.Tokenize(_longText);
                    await client.GetResponseAsync(ChatClients.Ask($"Question {i}"), ChatClients.Fixed(2, i));
                }
            })).ToArray();
            start.SignalAndWait();
            Thread.SpinWait(round * 997 % 50_000);
            client.Dispose();
            foreach (var worker in workers)
            {
                var name = await Outcome(worker);
                outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
            }
        }

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.All(outcomes.Keys, k => Assert.Contains(k, new[] { "completed", nameof(ObjectDisposedException) }));
        Assert.True(outcomes.GetValueOrDefault(nameof(ObjectDisposedException)) > 0, "no worker ever met the disposal");
    }

    [Fact]
    public async Task Cancelling_mid_decode_a_hundred_times_always_cancels_cleanly_and_the_client_keeps_working()
    {
        using var client = ChatClients.Tiny(maxSequences: 2);
        var clock = Stopwatch.StartNew();
        var cancelled = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var cancellation = new CancellationTokenSource();
            var request = client.GetResponseAsync(ChatClients.Ask($"Tell a long story {round}"), ChatClients.Fixed(400, round), cancellation.Token);
            Thread.SpinWait(round * 7919 % 200_000);
            await cancellation.CancelAsync();
            var outcome = await Outcome(request);
            cancelled += outcome is nameof(TaskCanceledException) or nameof(OperationCanceledException) ? 1 : 0;
        }
        var after = await client.GetResponseAsync(ChatClients.Ask("Still there?"), ChatClients.Fixed(8, 1));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.True(cancelled > Rounds / 2, $"only {cancelled} of {Rounds} were cancelled before they finished");
        Assert.Equal(8, after.Usage!.OutputTokenCount);
    }

    [Fact]
    public async Task A_prompt_larger_than_the_context_is_refused_every_time_and_the_client_keeps_working()
    {
        using var client = ChatClients.Tiny(contextSize: 256, maxSequences: 1);
        var messages = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var error = await Assert.ThrowsAsync<TaleForgeException>(() => client.GetResponseAsync(ChatClients.Ask(_longText + round), ChatClients.Fixed(4, round)));
            messages.Add(error.Message);
        }
        var after = await client.GetResponseAsync(ChatClients.Ask("Short?"), ChatClients.Fixed(4, 1));

        Assert.All(messages, m => Assert.Contains("but the context holds 256", m, StringComparison.Ordinal));
        Assert.Equal(4, after.Usage!.OutputTokenCount);
    }

    [Fact]
    public async Task Disposing_while_requests_run_fails_each_of_them_and_never_hangs_or_crashes()
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            var client = ChatClients.Tiny(maxSequences: 4);
            using var cancellation = new CancellationTokenSource();
            var requests = Enumerable.Range(0, 4)
                .Select(i => client.GetResponseAsync(ChatClients.Ask($"Request {i}"), ChatClients.Fixed(200, i), cancellation.Token))
                .ToArray();
            Thread.SpinWait(round * 104_729 % 300_000);
            client.Dispose();
            // A cancellation after disposal must not reach the freed scheduler.
            await cancellation.CancelAsync();
            foreach (var request in requests)
            {
                var name = await Outcome(request);
                outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
            }
        }

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.All(outcomes.Keys, k => Assert.Contains(k, new[] { "completed", nameof(ObjectDisposedException) }));
        Assert.True(outcomes.GetValueOrDefault(nameof(ObjectDisposedException)) > Rounds, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Many_requests_failing_at_once_each_get_their_error_and_the_client_keeps_working()
    {
        using var client = ChatClients.Tiny(maxSequences: 8, contextSize: 2048);
        var clock = Stopwatch.StartNew();
        var failures = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var cancellation = new CancellationTokenSource();
            // Eight running requests cancelled by one token, and eight that cannot fit, all in the same instant.
            var running = Enumerable.Range(0, 8).Select(i => client.GetResponseAsync(ChatClients.Ask($"Run {i}"), ChatClients.Fixed(300, i), cancellation.Token)).ToArray();
            var oversized = Enumerable.Range(0, 8).Select(i => Task.Run(() => client.GetResponseAsync(ChatClients.Ask(_longText + i), ChatClients.Fixed(4, i)))).ToArray();
            await cancellation.CancelAsync();
            foreach (var request in running.Concat(oversized))
            {
                failures += await Outcome(request) != "completed" ? 1 : 0;
            }
        }
        var after = await client.GetResponseAsync(ChatClients.Ask("Still there?"), ChatClients.Fixed(8, 1));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.True(failures >= Rounds * 8, $"{failures} failures");
        Assert.Equal(8, after.Usage!.OutputTokenCount);
    }

    private static async Task<string> Outcome(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(30));
            return "completed";
        }
        catch (TimeoutException)
        {
            throw;
        }
#pragma warning disable CA1031 // the kind of failure is the result.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.GetType().Name;
        }
    }
}

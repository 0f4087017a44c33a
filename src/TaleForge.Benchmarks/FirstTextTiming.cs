using System.Diagnostics;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Streaming;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.Benchmarks;

/// <summary>
/// How soon a player sees a character speak: one character's turn request, streamed on a fresh context (no
/// prefix cache), timed from its start to the first character of a visible field (a line, a narration) and to its end.
/// </summary>
internal static class FirstTextTiming
{
    public static async Task<(TimeSpan FirstText, TimeSpan Total)> MeasureAsync(
        string modelPath, int threads, IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellation)
    {
        using var client = await LlamaChatClient.LoadAsync(
            modelPath, new LlamaChatClientOptions { ContextSize = 16384, MaxSequences = 4, Threads = threads, PrefixCache = false }, null, cancellation);
        var reader = new JsonStringFieldReader(ReplyTextListener.VisibleFields);
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellation))
        {
            if (first is null && update.Text.Length > 0 && reader.Read(update.Text).Any(t => t.Text.Length > 0))
            {
                first = clock.Elapsed;
            }
        }
        var total = clock.Elapsed;
        return (first ?? total, total);
    }
}

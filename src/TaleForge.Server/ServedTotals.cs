using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaleForge.Server;

/// <summary>
/// What the server has done since it started, from each finished reply's usage: requests, prompt tokens (and how
/// many of them the prefix cache already held), generated tokens. <c>GET /health</c> reports them, so an operator or
/// a benchmark sees how well concurrent clients share the cache without reading any client's records.
/// </summary>
internal sealed class ServedTotals
{
    private long _requests;
    private long _promptTokens;
    private long _cachedPromptTokens;
    private long _completionTokens;

    public void Add(UsageDetails? usage)
    {
        Interlocked.Increment(ref _requests);
        if (usage is null)
        {
            return;
        }
        Interlocked.Add(ref _promptTokens, usage.InputTokenCount ?? 0);
        Interlocked.Add(ref _cachedPromptTokens, usage.CachedInputTokenCount ?? 0);
        Interlocked.Add(ref _completionTokens, usage.OutputTokenCount ?? 0);
    }

    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject("served");
        json.WriteNumber("requests", Interlocked.Read(ref _requests));
        json.WriteNumber("prompt_tokens", Interlocked.Read(ref _promptTokens));
        json.WriteNumber("cached_prompt_tokens", Interlocked.Read(ref _cachedPromptTokens));
        json.WriteNumber("completion_tokens", Interlocked.Read(ref _completionTokens));
        json.WriteEndObject();
    }
}

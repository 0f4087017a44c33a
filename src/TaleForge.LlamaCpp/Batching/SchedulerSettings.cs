namespace TaleForge.LlamaCpp.Batching;

/// <summary>Shape of the shared context the scheduler runs in.</summary>
internal sealed record SchedulerSettings(int ContextSize, int BatchSize, int MaxSequences, int Threads, int BatchThreads, bool PrefixCache, bool? FlashAttention,
    bool? SeparateKvStreams = null)
{
    /// <summary>
    /// Whether each sequence gets a KV stream of its own (<c>kv_unified = false</c>) of <see cref="ContextSize"/> cells.
    /// Without flash attention, a token of a unified cache attends over every sequence's cells (the others' masked
    /// but computed), so decoding sequences together costs more than decoding them apart; with a stream each, a
    /// token attends over its own sequence only. Flash attention (on, or left to llama.cpp) skips masked cells, so
    /// there the unified cache keeps its smaller footprint and its cell sharing. A stream each costs
    /// <see cref="MaxSequences"/> times the KV memory, so a shared prefix is copied rather than shared.
    /// </summary>
    public bool SeparateStreams => SeparateKvStreams ?? (FlashAttention == false && MaxSequences is > 1 and <= MaxSeparateStreams);

    /// <summary>Beyond this many sequences a stream each would take too much memory (each holds the whole context).</summary>
    public const int MaxSeparateStreams = 16;
}

namespace TaleForge.LlamaCpp.Batching;

/// <summary>Shape of the shared context the scheduler runs in.</summary>
internal sealed record SchedulerSettings(int ContextSize, int BatchSize, int MaxSequences, int Threads, int BatchThreads, bool PrefixCache, bool? FlashAttention);

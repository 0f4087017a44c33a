using TaleForge.Cli.Models;
using TaleForge.CommandLine;

namespace TaleForge.Cli.Commands;

/// <summary>
/// Every option's valid values, in one place: checked on the command line (a usage error, exit 2, before anything
/// runs) and, for the model settings, on values from the config file and TALEFORGE_* variables as well.
/// </summary>
internal static class OptionRanges
{
    /// <summary>Far above any model's training, low enough to refuse a typo before the memory check has to.</summary>
    public static OptionRange ContextSize { get; } = new("--ctx-size", 16, 1 << 24);

    public static OptionRange Threads { get; } = new("--threads", 1, Environment.ProcessorCount, " (the processors this machine has)");

    public static OptionRange GpuLayers { get; } = new("--n-gpu-layers", -1, 100_000, " (-1: all)");

    public static OptionRange Temperature { get; } = new("--temp", 0, 10);

    public static OptionRange Parallel { get; } = new("--parallel", 1, 256);

    public static OptionRange Rounds { get; } = new("--rounds", 1, 1_000_000);

    public static OptionRange Episodes { get; } = new("--episodes", 1, 1_000_000);

    public static OptionRange Step { get; } = new("--step", 0, long.MaxValue);

    public static OptionRange Candidates { get; } = new("--candidates", 1, TaleForge.Engine.Agents.Candidates.CandidateTurns.MaxCount, " (each candidate is a full turn request)");

    /// <summary>The local backend a GGUF file runs on; one per process, since their native libraries clash.</summary>
    public static OptionChoice Backend { get; } = new("--backend", Backends.Local);
}

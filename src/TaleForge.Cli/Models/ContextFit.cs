using System.Globalization;
using TaleForge.Cli.Commands;
using TaleForge.CommandLine;
using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.Cli.Models;

/// <summary>
/// Refuses a context the machine cannot hold, before llama.cpp allocates it: the key-value cache, estimated from the
/// file's hyperparameters, must fit the memory available (when the model runs on the CPU). A context beyond the one
/// the model was trained for is llama.cpp's to warn about, not refused: it runs, and small test models rely on it.
/// It also says whether the memory holds a cache stream per parallel request (each of the whole context), the layout
/// that makes batched requests cheaper on a CPU without flash attention; where it does not, or on a GPU whose memory
/// is not measured here, the one shared cache is kept, so no context that fitted before is refused for it.
/// </summary>
internal static class ContextFit
{
    /// <summary>Bytes per cached key or value element: llama.cpp's default cache type is F16.</summary>
    private const long CacheElementBytes = 2;

    /// <returns>Whether a cache stream per parallel request fits as well.</returns>
    public static bool Check(string path, ModelSettings settings, long? availableMemory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        GgufFile file;
        try
        {
            file = GgufReader.Read(path);
        }
        catch (InvalidModelFileException)
        {
            return false; // The loader reports a broken file in its own words.
        }
        if (file.Architecture is not { } architecture)
        {
            return false;
        }
        long? Number(string key) => file.Metadata.TryGetValue($"{architecture}.{key}", out var value) ? value switch
        {
            uint u => u,
            int i => i,
            ulong l when l <= long.MaxValue => (long)l,
            long l => l,
            ushort s => s,
            _ => null,
        } : null;

        var name = Path.GetFileName(path);
        var parallel = Math.Max(1, settings.Parallel);
        if (settings.GpuLayers != 0 || CacheBytesPerToken(Number) is not { } perToken)
        {
            return false;
        }
        var available = availableMemory ?? AvailableMemory();
        var weights = file.FileLength - file.DataOffset;
        var needed = perToken * settings.ContextSize + weights;
        if (available > 0 && needed > available)
        {
            var fits = Math.Max(0, (available - weights) / perToken / 256 * 256);
            throw OptionChecks.Usage(
                $"a context of {Text(settings.ContextSize)} tokens needs about {GiB(perToken * settings.ContextSize)} for its cache besides {GiB(weights)} for {name}, but {GiB(available)} of memory is available; "
                + (fits >= OptionRanges.ContextSize.Min ? $"use --ctx-size {Text(fits)} or less." : "free memory, or use a smaller model."));
        }
        return available > 0 && perToken * settings.ContextSize * parallel + weights <= available;
    }

    /// <summary>Keys and values of every layer for one token: layers × kv heads × (key + value length) × element size.</summary>
    private static long? CacheBytesPerToken(Func<string, long?> number)
    {
        if (number("block_count") is not { } layers || number("attention.head_count") is not { } heads
            || number("embedding_length") is not { } embedding || layers <= 0 || heads <= 0 || embedding <= 0)
        {
            return null;
        }
        var kvHeads = number("attention.head_count_kv") is { } kv && kv > 0 ? kv : heads;
        var keyLength = number("attention.key_length") ?? embedding / heads;
        var valueLength = number("attention.value_length") ?? embedding / heads;
        return layers * kvHeads * (keyLength + valueLength) * CacheElementBytes;
    }

    /// <summary>Memory the process may still take: MemAvailable on Linux, else what the runtime reports.</summary>
    private static long AvailableMemory()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture, out var kib))
                {
                    return Math.Min(kib * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string GiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB");

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

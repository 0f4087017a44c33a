using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.Testing;

/// <summary>
/// The tiny random-weight model the tests run the real backend on, as <c>taleforge model random --preset tiny --seed N</c>
/// writes it: under a megabyte, noise for output, but a real GGUF file that llama.cpp loads.
/// </summary>
public static class TinyModels
{
    /// <summary>The seed every test uses unless it needs a second, different model.</summary>
    public const ulong DefaultSeed = 42;

    private static readonly Lazy<string> _shared = new(() =>
        Write(Path.Combine(Path.GetTempPath(), $"taleforge-tests-{Environment.ProcessId}", "tiny.gguf")));

    /// <summary>One tiny.gguf (seed 42) for the whole test run, written on first use.</summary>
    public static string SharedPath => _shared.Value;

    /// <summary>Writes the tiny model with <paramref name="seed"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, ulong seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        RandomModelWriter.Write(path, ModelPreset.Tiny, seed: seed);
        return path;
    }
}

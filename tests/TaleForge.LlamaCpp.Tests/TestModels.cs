using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>The tiny random model the tests share: written once per run into a temporary folder, loaded once.</summary>
internal static class TestModels
{
    private static readonly Lazy<string> _tinyPath = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), $"taleforge-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "tiny.gguf");
        RandomModelWriter.Write(path, ModelPreset.Tiny, seed: 42);
        return path;
    });

    private static readonly Lazy<LlamaModel> _tiny = new(() => LlamaModel.Load(TinyPath));

    public static string TinyPath => _tinyPath.Value;

    /// <summary>One loaded tiny model for the whole run (the native library keeps it alive anyway).</summary>
    public static LlamaModel Tiny => _tiny.Value;

    public static string NewTemporaryFile(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"taleforge-tests-{Environment.ProcessId}", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}

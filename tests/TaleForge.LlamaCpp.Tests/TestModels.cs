using TaleForge.LlamaCpp.Model;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>The tiny random model the tests share (<see cref="TinyModels.SharedPath"/>), loaded once.</summary>
internal static class TestModels
{
    private static readonly Lazy<LlamaModel> _tiny = new(() => LlamaModel.Load(TinyPath));

    public static string TinyPath => TinyModels.SharedPath;

    /// <summary>One loaded tiny model for the whole run (the native library keeps it alive anyway).</summary>
    public static LlamaModel Tiny => _tiny.Value;

    public static string NewTemporaryFile(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"taleforge-tests-{Environment.ProcessId}", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}

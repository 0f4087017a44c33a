using TaleForge.Inference.Backends;

namespace TaleForge.Cli.Models;

/// <summary>A recording's models loaded again, each by the file name its header records; disposing unloads them.</summary>
public sealed class LoadedModels(IReadOnlyDictionary<string, IModelBackend> byFile) : IDisposable
{
    public IReadOnlyDictionary<string, IModelBackend> ByFile { get; } = byFile;

    public void Dispose()
    {
        foreach (var backend in ByFile.Values.Distinct())
        {
            backend.Dispose();
        }
    }
}

using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>Writes an exported file whole or not at all, and never over an existing one.</summary>
internal static class ExportFile
{
    public static void Write(string target, byte[] bytes)
    {
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new TaleForgeException($"'{target}' already exists; name a new file, nothing is overwritten");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        if (!Directory.Exists(folder))
        {
            throw new TaleForgeException($"the folder of '{target}' does not exist; create it first");
        }
        var staging = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(staging, bytes);
            File.Move(staging, target);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}

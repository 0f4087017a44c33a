using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>Trajectories named on a command line: files, or folders (a dataset run's --out) standing for every .jsonl under them.</summary>
internal static class TrajectoryPaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }
            var found = Directory.GetFiles(path, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0)
            {
                throw new TaleForgeException($"the folder {path} holds no trajectories (*.jsonl); name trajectory files, or the --out folder of a simulate run.");
            }
            files.AddRange(found);
        }
        return files;
    }
}

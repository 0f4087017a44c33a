using System.Diagnostics;
using System.Globalization;

namespace TaleForge.Engine.Saves;

/// <summary>
/// The temporary files and folders a killed process leaves in the saves: a snapshot's temporary twin, a half-made
/// copy, a new save that never completed a turn. Each carries the id of the process that wrote it, and is removed
/// once that process is gone.
/// </summary>
public static class SaveLeftovers
{
    /// <summary>In a hidden folder's name, before the process id: a new save before its first completed turn.</summary>
    public const string StagingMarker = ".new-";

    /// <summary>In a hidden folder's name, before the process id: a copy being assembled.</summary>
    public const string CopyMarker = ".tmp-";

    /// <summary>In a file's name, before the process id: a file being replaced atomically.</summary>
    public const string FileMarker = ".tmp-";

    /// <summary>Removes the leftovers of dead processes in a save folder (temporary files) or a library (hidden folders).</summary>
    public static void Sweep(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return;
        }
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, $"*{FileMarker}*"))
            {
                if (OwnerIsGone(Path.GetFileName(file), FileMarker))
                {
                    File.Delete(file);
                }
            }
            foreach (var dir in Directory.EnumerateDirectories(folder, ".*"))
            {
                var name = Path.GetFileName(dir);
                if (OwnerIsGone(name, StagingMarker) || OwnerIsGone(name, CopyMarker))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tidying is best effort: a folder we may not write is reported where a save is written, not here.
        }
    }

    private static bool OwnerIsGone(string name, string marker)
    {
        var at = name.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var id = name[(at + marker.Length)..].Split('-')[0];
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Hosting;

/// <summary>
/// The file an unexpected failure leaves for the bug report: the command line, versions and the full exception,
/// kept off the terminal (the user sees one line and this file's path). Written under the user's state folder
/// (XDG_STATE_HOME, else ~/.local/state), else the temporary folder.
/// </summary>
public static class CrashReport
{
    public static string Folder
    {
        get
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            return Path.Combine(state, "taleforge", "crashes");
        }
    }

    /// <summary>Writes the report and returns its path, or null when no folder would take it.</summary>
    public static string? Write(string program, IReadOnlyList<string> args, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(failure);
        var now = DateTimeOffset.UtcNow;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{program} {TaleForgeVersion.Running} crashed at {now:O}")
            .AppendLine(CultureInfo.InvariantCulture, $"command line: {string.Join(' ', args)}")
            .AppendLine(CultureInfo.InvariantCulture, $"runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}), {Environment.ProcessorCount} processors")
            .AppendLine()
            .AppendLine(failure.ToString())
            .ToString();
        var name = $"crash-{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt";
        foreach (var folder in new[] { Folder, Path.Combine(Path.GetTempPath(), "taleforge-crashes") })
        {
            try
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, text);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Try the next folder: a report nobody can write is no reason for a second failure.
            }
        }
        return null;
    }
}

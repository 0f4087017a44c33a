using System.Globalization;
using System.Text.Json;
using TaleForge.Core;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Saves;

/// <summary>
/// The folder of saved games, and how they are named: TALEFORGE_SAVES, else a <c>saves/</c> folder in or above the
/// current folder, else the user's data folder (~/.local/share/taleforge/saves).
/// </summary>
public sealed class SaveLibrary(string folder)
{
    public const string EnvironmentVariable = "TALEFORGE_SAVES";

    public string Folder { get; } = Path.GetFullPath(folder);

    public static SaveLibrary Locate(string? explicitFolder = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return new SaveLibrary(explicitFolder);
        }
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } variable)
        {
            return new SaveLibrary(variable);
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "saves");
            if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "worlds")))
            {
                return new SaveLibrary(candidate);
            }
        }
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new SaveLibrary(Path.Combine(data, "taleforge", "saves"));
    }

    /// <summary>A fresh folder name for a new game in a world: the world's id and the time, never one in use.</summary>
    public string NewSlot(string worldId, DateTimeOffset now)
    {
        var stem = $"{worldId}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var name = stem;
        for (var i = 2; Directory.Exists(Path.Combine(Folder, name)); i++)
        {
            name = $"{stem}-{i}";
        }
        return Path.Combine(Folder, name);
    }

    /// <summary>The folder of a save named by the player: a name in the library, or a path.</summary>
    public string Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Directory.Exists(name) && File.Exists(Path.Combine(name, SaveSlot.TrajectoryFileName)))
        {
            return name;
        }
        CheckName(name);
        var folder = Path.Combine(Folder, name);
        return Directory.Exists(folder)
            ? folder
            : throw new TaleForgeException($"there is no save called '{name}' in {Folder}; 'taleforge saves' lists them.");
    }

    /// <summary>A name for a new save must be a plain name: no path, nothing hidden.</summary>
    public string NewNamed(string name)
    {
        CheckName(name);
        var folder = Path.Combine(Folder, name);
        if (Directory.Exists(folder))
        {
            throw new TaleForgeException($"a save called '{name}' already exists; choose another name (saves are never overwritten).");
        }
        return folder;
    }

    /// <summary>The saves in the library with their snapshots, newest first; damaged ones are listed with what is wrong.</summary>
    public IReadOnlyList<(string Name, SaveSnapshot? Snapshot, string? Problem)> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var saves = new List<(string, SaveSnapshot?, string?)>();
        foreach (var dir in Directory.EnumerateDirectories(Folder).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var snapshotPath = Path.Combine(dir, SaveSlot.SnapshotFileName);
            try
            {
                var snapshot = JsonSerializer.Deserialize<SaveSnapshot>(File.ReadAllBytes(snapshotPath), TrajectoryJson.Options);
                saves.Add((Path.GetFileName(dir), snapshot, null));
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                saves.Add((Path.GetFileName(dir), null, $"no readable snapshot ({e.Message})"));
            }
        }
        return [.. saves.OrderByDescending(s => s.Item2?.SavedAt ?? new DateTimeOffset(Directory.GetLastWriteTimeUtc(Path.Combine(Folder, s.Item1))))];
    }

    /// <summary>
    /// Copies a save under a new name, whole or not at all: the copy is assembled in a hidden folder and renamed
    /// into place, so a crash leaves no half-copied save.
    /// </summary>
    public string Copy(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (Directory.Exists(to))
        {
            throw new TaleForgeException($"a save already exists at {to}; choose another name.");
        }
        Directory.CreateDirectory(Folder);
        var staging = Path.Combine(Folder, $".{Path.GetFileName(to)}{SaveLeftovers.CopyMarker}{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in new[] { SaveSlot.TrajectoryFileName, SaveSlot.SnapshotFileName })
            {
                var source = Path.Combine(from, file);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(staging, file));
                    using var stream = new FileStream(Path.Combine(staging, file), FileMode.Open, FileAccess.ReadWrite);
                    stream.Flush(flushToDisk: true);
                }
            }
            Directory.Move(staging, to);
            return to;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Characters no save name may hold: path separators, and what some file systems or terminals refuse.</summary>
    private const string Forbidden = "/\\:*?\"<>|";

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.') || name.Length > 100 || name != name.Trim()
            || name.Any(c => Forbidden.Contains(c, StringComparison.Ordinal) || char.IsControl(c) || TaleForge.Core.Display.TerminalText.IsUnsafe(c)))
        {
            throw new TaleForgeException($"'{TaleForge.Core.Display.TerminalText.OneLine(name)}' cannot name a save: use letters, digits, spaces, '-' and '_' (no path, no control characters, none of {Forbidden}, not starting with '.', at most 100 characters).")
            {
                ExitCode = 2,
            };
        }
    }

    /// <summary>Checks a new save's name before anything is written.</summary>
    public static void CheckNewName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckName(name);
    }

    /// <summary>
    /// Makes sure saves can be written here before a game starts (creating the folder if missing), and tidies what
    /// killed games left; a folder that is not one, read-only or full is refused with what to do instead.
    /// </summary>
    public void Prepare()
    {
        if (File.Exists(Folder))
        {
            throw Unwritable("it is a file, not a folder");
        }
        var probe = Path.Combine(Folder, $".probe{SaveLeftovers.FileMarker}{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Folder);
            using (var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                // A turn's save is a few kilobytes: a disk that cannot take this much cannot take a turn.
                stream.Write(new byte[64 * 1024]);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(e.Message);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        SaveLeftovers.Sweep(Folder);
    }

    private TaleForgeException Unwritable(string why) => new(
        $"the saves folder {Folder} cannot hold saves ({why}); choose another with --saves FOLDER or {EnvironmentVariable}, or play without saving with --no-save.");
}

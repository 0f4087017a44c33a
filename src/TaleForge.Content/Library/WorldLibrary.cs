using TaleForge.Content.Sources;
using TaleForge.Core;

namespace TaleForge.Content.Library;

/// <summary>
/// The folder of worlds a player chooses from, and how a world is named on the command line: by folder name
/// inside the library, or by path.
/// </summary>
public sealed class WorldLibrary
{
    /// <summary>The world played or shown when none is named. The one place it is named.</summary>
    public const string DefaultWorld = "greywick";

    public const string EnvironmentVariable = "TALEFORGE_WORLDS";
    public const string FolderName = "worlds";

    private WorldLibrary(string folder, string foundBy)
    {
        Folder = folder;
        FoundBy = foundBy;
    }

    /// <summary>The library folder, absolute.</summary>
    public string Folder { get; }

    /// <summary>How the folder was found, for messages ("--dir", "TALEFORGE_WORLDS", "found above the current folder").</summary>
    public string FoundBy { get; }

    /// <summary>
    /// Finds the library: <paramref name="explicitFolder"/> (--dir), else the TALEFORGE_WORLDS variable, else a
    /// <c>worlds/</c> folder in the current folder or above it, else one beside or above the executable.
    /// </summary>
    public static WorldLibrary Locate(string? explicitFolder, string? environmentValue, string currentFolder, string executableFolder)
    {
        ArgumentNullException.ThrowIfNull(currentFolder);
        ArgumentNullException.ThrowIfNull(executableFolder);
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return Existing(explicitFolder, "--dir");
        }
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Existing(environmentValue, EnvironmentVariable);
        }
        var found = FindUpwards(currentFolder) is { } fromCurrent ? new WorldLibrary(fromCurrent, "found from the current folder")
            : FindUpwards(executableFolder) is { } fromExecutable ? new WorldLibrary(fromExecutable, "found from the executable's folder")
            : null;
        return found ?? throw new TaleForgeException(
            $"no '{FolderName}' folder was found in or above '{currentFolder}' or the executable's folder. "
            + $"Pass --dir DIR, or set {EnvironmentVariable} to the folder that holds your worlds.");
    }

    /// <summary>Finds the library the usual way for this process.</summary>
    public static WorldLibrary Locate(string? explicitFolder = null) =>
        Locate(explicitFolder, Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The world folders in the library (those holding world.yaml), by name.</summary>
    public IReadOnlyList<string> Worlds() =>
        [.. Directory.EnumerateDirectories(Folder)
            .Where(d => File.Exists(Path.Combine(d, WorldFolder.RootFileName)))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The folder of a world named on the command line: null or empty means <see cref="DefaultWorld"/>; an existing
    /// path is taken as it is; otherwise the name of a world in the library.
    /// </summary>
    public string Resolve(string? world)
    {
        var name = string.IsNullOrWhiteSpace(world) ? DefaultWorld : world;
        if (Directory.Exists(name) || File.Exists(name))
        {
            return name;
        }
        var inLibrary = Path.Combine(Folder, name);
        if (Directory.Exists(inLibrary))
        {
            return inLibrary;
        }
        var known = Worlds().Select(Path.GetFileName);
        throw new TaleForgeException(
            $"there is no world '{name}' in {Folder} (worlds there: {string.Join(", ", known)}); name one of them, or give the path of a world folder.");
    }

    private static WorldLibrary Existing(string folder, string foundBy) =>
        Directory.Exists(folder)
            ? new WorldLibrary(Path.GetFullPath(folder), foundBy)
            : throw new TaleForgeException($"the worlds folder '{folder}' (from {foundBy}) does not exist.");

    private static string? FindUpwards(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

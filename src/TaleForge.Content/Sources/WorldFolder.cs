using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Sources;

/// <summary>
/// The files of one world on disk, read defensively: only inside the world folder, never through a symbolic
/// link, within <see cref="SourceLimits"/>, each file once. Every refusal is a diagnostic, never an exception.
/// </summary>
public sealed class WorldFolder
{
    /// <summary>The conventional subfolders, read in this order after world.yaml and its includes.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["characters", "scenes", "lore"];

    public const string RootFileName = "world.yaml";

    private readonly string _display;
    private readonly SourceLimits _limits;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private long _totalBytes;
    private bool _reportedTooMany;

    private WorldFolder(string root, string display, string rootFile, bool isSingleFile, SourceLimits limits, DiagnosticBag diagnostics)
    {
        Root = root;
        _display = display;
        RootFile = rootFile;
        IsSingleFile = isSingleFile;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    /// <summary>The world folder, absolute.</summary>
    public string Root { get; }

    /// <summary>The absolute path of world.yaml, or of the one file of a one-file world given by its path.</summary>
    public string RootFile { get; }

    public bool IsSingleFile { get; }

    /// <summary>Finds the world at <paramref name="path"/> (a folder, or one YAML file); null, reported, when there is none.</summary>
    public static WorldFolder? Open(string path, SourceLimits limits, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrWhiteSpace(path))
        {
            diagnostics.Error(SourcePosition.Whole("''"), DiagnosticCodes.FolderNotFound,
                "the world path is empty", "give the path of a world folder (one that holds world.yaml)");
            return null;
        }
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return new WorldFolder(Path.GetDirectoryName(full)!, path, full, isSingleFile: true, limits, diagnostics);
        }
        if (!Directory.Exists(full))
        {
            diagnostics.Error(SourcePosition.Whole(path), DiagnosticCodes.FolderNotFound,
                $"there is no world folder or file at '{path}'", "give the path of a world folder (one that holds world.yaml)");
            return null;
        }
        var rootFile = Path.Combine(full, RootFileName);
        if (Directory.Exists(rootFile))
        {
            diagnostics.Error(SourcePosition.Whole(Path.Join(path, RootFileName)), DiagnosticCodes.NotARegularFile,
                $"'{RootFileName}' in '{path}' is a folder, not a file", $"a world folder holds a {RootFileName} file; rename the folder");
            return null;
        }
        if (!File.Exists(rootFile) && new FileInfo(rootFile).LinkTarget is null)
        {
            diagnostics.Error(SourcePosition.Whole(path), DiagnosticCodes.FolderNotFound,
                $"'{path}' has no {RootFileName}", $"a world folder holds {RootFileName}; create it, starting with 'spec: taleforge/world@1'");
            return null;
        }
        return new WorldFolder(full, path, rootFile, isSingleFile: false, limits, diagnostics);
    }

    public SourceFile? ReadRoot() =>
        IsSingleFile ? ReadFile(new FileInfo(RootFile), _display, Path.GetFileName(RootFile)) : Read(new FileInfo(RootFile));

    /// <summary>The YAML files of characters/, scenes/ and lore/, each folder in name order.</summary>
    public IEnumerable<SourceFile> ReadSections()
    {
        if (IsSingleFile)
        {
            yield break;
        }
        foreach (var section in Sections)
        {
            var folder = new DirectoryInfo(Path.Combine(Root, section));
            foreach (var file in ReadFolder(folder, at: null))
            {
                yield return file;
            }
        }
    }

    /// <summary>
    /// The file or folder an <c>include</c> entry names. Refuses absolute paths, '..', and links anywhere on
    /// the way, so an include can never read outside the world folder.
    /// </summary>
    public IEnumerable<SourceFile> ReadIncluded(string relative, SourcePosition at)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var segments = relative.Split('/', '\\');
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.StartsWith('~') || (relative.Length > 1 && relative[1] == ':'))
        {
            _diagnostics.Error(at, DiagnosticCodes.PathOutsideWorld,
                $"the include '{relative}' is not a path inside the world folder",
                "write the path relative to the world folder, such as 'places/village.yaml'");
            yield break;
        }
        if (segments.Contains(".."))
        {
            _diagnostics.Error(at, DiagnosticCodes.PathOutsideWorld,
                $"the include '{relative}' uses '..' to leave the world folder",
                "a world may only read files inside its own folder; move the file into it");
            yield break;
        }

        var current = Root;
        foreach (var segment in segments.Where(s => s is not ("" or ".")))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is { } target)
            {
                ReportLink(at, relative, current, target);
                yield break;
            }
        }
        if (!Path.GetFullPath(current).StartsWith(Root, StringComparison.Ordinal))
        {
            _diagnostics.Error(at, DiagnosticCodes.PathOutsideWorld,
                $"the include '{relative}' leads outside the world folder", "name a file or folder inside the world folder");
            yield break;
        }
        if (Directory.Exists(current))
        {
            foreach (var file in ReadFolder(new DirectoryInfo(current), at))
            {
                yield return file;
            }
        }
        else if (File.Exists(current))
        {
            if (!IsYaml(current))
            {
                _diagnostics.Error(at, DiagnosticCodes.InvalidValue,
                    $"the include '{relative}' is not a .yaml file", "include world files (.yaml) or folders of them");
                yield break;
            }
            if (Read(new FileInfo(current)) is { } source)
            {
                yield return source;
            }
        }
        else
        {
            _diagnostics.Error(at, DiagnosticCodes.IncludeNotFound,
                $"the include '{relative}' names nothing: there is no such file or folder in the world",
                "check the spelling; paths are relative to the world folder");
        }
    }

    /// <summary>Warns about YAML files beside world.yaml, which are not read (authors sometimes expect them to be).</summary>
    public void WarnAboutStrayFiles()
    {
        if (IsSingleFile)
        {
            return;
        }
        foreach (var file in Entries(new DirectoryInfo(Root)).OfType<FileInfo>().Where(f => IsYaml(f.Name) && f.Name != RootFileName))
        {
            if (!_read.Contains(file.FullName))
            {
                _diagnostics.Warning(SourcePosition.Whole(Display(file.FullName)), DiagnosticCodes.IgnoredFile,
                    $"{file.Name} is not part of the world, so it is not read",
                    $"move it into characters/, scenes/ or lore/, or list it under 'include' in {RootFileName}");
            }
        }
    }

    private IEnumerable<SourceFile> ReadFolder(DirectoryInfo folder, SourcePosition? at)
    {
        if (folder.LinkTarget is { } target)
        {
            ReportLink(at ?? SourcePosition.Whole(Display(folder.FullName)), Relative(folder.FullName), folder.FullName, target);
            yield break;
        }
        if (!folder.Exists)
        {
            yield break;
        }
        var entries = Entries(folder).Where(e => IsYaml(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        foreach (var entry in entries.OfType<DirectoryInfo>().Where(d => d.LinkTarget is null))
        {
            ReportNotARegularFile(at ?? SourcePosition.Whole(Display(entry.FullName)), Relative(entry.FullName), "a folder");
        }
        foreach (var file in entries.OfType<FileInfo>())
        {
            if (Read(file) is { } source)
            {
                yield return source;
            }
        }
    }

    // Bounded, so a folder of a million files costs little before it is refused.
    private IEnumerable<FileSystemInfo> Entries(DirectoryInfo folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var count = 0;
        foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
        {
            if (++count > _limits.MaxFiles * 4)
            {
                ReportTooMany(folder.FullName);
                yield break;
            }
            yield return entry;
        }
    }

    private SourceFile? Read(FileInfo file) => ReadFile(file, Display(file.FullName), Relative(file.FullName));

    private SourceFile? ReadFile(FileInfo file, string display, string relative)
    {
        if (!_read.Add(file.FullName))
        {
            return null;
        }
        if (_read.Count > _limits.MaxFiles)
        {
            ReportTooMany(Root);
            return null;
        }
        if (file.LinkTarget is { } target)
        {
            ReportLink(SourcePosition.Whole(display), relative, file.FullName, target);
            return null;
        }
        if (file.Length > _limits.MaxFileBytes)
        {
            ReportTooLarge(display, file.Length);
            return null;
        }
        if (_totalBytes + file.Length > _limits.MaxTotalBytes)
        {
            _diagnostics.Error(SourcePosition.Whole(display), DiagnosticCodes.FileTooLarge,
                $"the world's files together pass {Size(_limits.MaxTotalBytes)}, the most TaleForge reads for one world",
                "split the world into several worlds, or trim long text");
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = RegularFile.Open(file.FullName, out var refusal);
            if (stream is null)
            {
                ReportNotARegularFile(SourcePosition.Whole(display), relative, refusal!);
                return null;
            }
            // Read at most one byte past the limit: a file that grew after it was measured is still refused.
            var buffer = new byte[Math.Min(_limits.MaxFileBytes + 1, Math.Max(stream.Length + 1, 1))];
            var length = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int n;
            while (length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (clock.Elapsed > _limits.MaxReadTime)
                {
                    _diagnostics.Error(SourcePosition.Whole(display), DiagnosticCodes.Unreadable,
                        $"reading the file took longer than {_limits.MaxReadTime.TotalSeconds:0.#} s (a slow network or device?)",
                        "copy the world to a local disk and load it from there");
                    return null;
                }
            }
            if (length > _limits.MaxFileBytes)
            {
                ReportTooLarge(display, length);
                return null;
            }
            bytes = buffer[..length];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Error(SourcePosition.Whole(display), DiagnosticCodes.Unreadable,
                $"the file cannot be read: {e.Message}", "check that the file exists and that you may read it");
            return null;
        }
        _totalBytes += bytes.Length;
        var text = SourceText.Decode(bytes, display, _diagnostics);
        return text is null ? null : new SourceFile(display, relative, text);
    }

    private void ReportNotARegularFile(SourcePosition at, string relative, string what) =>
        _diagnostics.Error(at, DiagnosticCodes.NotARegularFile,
            $"'{relative}' is {what}, not a regular file; a world is read from plain files only",
            "replace it with a .yaml file, or move it out of the world folder");

    private void ReportLink(SourcePosition at, string relative, string fullPath, string target)
    {
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, target));
        var outside = !resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        _diagnostics.Error(at, outside ? DiagnosticCodes.PathOutsideWorld : DiagnosticCodes.SymbolicLink,
            outside
                ? $"'{relative}' is a symbolic link to '{target}', outside the world folder; links are never followed"
                : $"'{relative}' is a symbolic link; links are never followed, so that a world cannot reach outside its folder",
            "replace the link with the file or folder itself");
    }

    private void ReportTooLarge(string display, long length) =>
        _diagnostics.Error(SourcePosition.Whole(display), DiagnosticCodes.FileTooLarge,
            $"the file is {length} bytes; TaleForge reads at most {Size(_limits.MaxFileBytes)} ({_limits.MaxFileBytes} bytes) per file",
            "split it: characters, scenes and lore can each have files of their own");

    private void ReportTooMany(string folder)
    {
        if (_reportedTooMany)
        {
            return;
        }
        _reportedTooMany = true;
        _diagnostics.Error(SourcePosition.Whole(Display(folder)), DiagnosticCodes.TooManyFiles,
            $"the world has more than {_limits.MaxFiles} files, the most TaleForge reads for one world",
            "merge small files (a file may hold many characters or scenes), or split the world");
    }

    private static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    private static bool IsYaml(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private string Display(string fullPath) =>
        IsSingleFile ? fullPath : Relative(fullPath) is "." ? _display : Path.Join(_display, Relative(fullPath));
}

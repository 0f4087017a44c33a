using TaleForge.Content.Diagnostics;
using TaleForge.Content.Lint;
using TaleForge.Content.Reading;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content;

/// <summary>
/// Loads worlds written in the YAML world format. One pass reads every file and reports every problem it
/// finds (syntax, shape, references, lint) as diagnostics with file, line and column; it never throws for bad
/// input. Use <see cref="LoadOrThrow"/> when a world or nothing will do.
/// </summary>
public static class WorldLoader
{
    /// <summary>Loads the world in a folder (world.yaml, characters/, scenes/, lore/, includes) or in one YAML file.</summary>
    public static LoadResult Load(string path, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= SourceLimits.Default;
        var diagnostics = new DiagnosticBag(limits.MaxDiagnostics);
        var run = new LoadRun(limits, diagnostics);
        var folder = WorldFolder.Open(path, limits, diagnostics);
        if (folder is null)
        {
            return run.Finish(path);
        }

        var root = folder.ReadRoot();
        var rootRead = root is not null && run.Read(root, isRootFile: true);
        foreach (var (include, at) in run.Parts.Includes.ToList())
        {
            foreach (var file in folder.ReadIncluded(include, at))
            {
                run.Read(file, isRootFile: false);
            }
        }
        foreach (var file in folder.ReadSections())
        {
            run.Read(file, isRootFile: false);
        }
        folder.WarnAboutStrayFiles();
        return run.Finish(path, reportMissingWorld: rootRead ? root!.Path : null);
    }

    /// <summary>
    /// Loads a world from text already in memory (tests, importers, editors): the first file is world.yaml.
    /// Every file given is read; <c>include</c> entries are not followed.
    /// </summary>
    public static LoadResult Load(IReadOnlyList<SourceFile> files, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("Give at least one file.", nameof(files));
        }
        limits ??= SourceLimits.Default;
        var run = new LoadRun(limits, new DiagnosticBag(limits.MaxDiagnostics));
        var rootRead = false;
        for (var i = 0; i < files.Count; i++)
        {
            // Text in memory gets the same size limit as files on disk.
            if (System.Text.Encoding.UTF8.GetByteCount(files[i].Text) > limits.MaxFileBytes)
            {
                run.Refuse(files[i], DiagnosticCodes.FileTooLarge,
                    $"the text is larger than the {limits.MaxFileBytes} bytes TaleForge reads per file",
                    "split it: characters, scenes and lore can each have files of their own");
                continue;
            }
            var read = run.Read(files[i], isRootFile: i == 0);
            rootRead |= i == 0 && read;
        }
        return run.Finish(files[0].Path, reportMissingWorld: rootRead ? files[0].Path : null);
    }

    /// <summary>Loads one world file held in a string, named <paramref name="fileName"/> in diagnostics.</summary>
    public static LoadResult LoadText(string yaml, string fileName = WorldFolder.RootFileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Load([new SourceFile(fileName, fileName, yaml)]);
    }

    public static WorldDefinition LoadOrThrow(string path, SourceLimits? limits = null) => Load(path, limits).WorldOrThrow();

    /// <summary>One load in progress: the parts read so far and where every position came from.</summary>
    private sealed class LoadRun
    {
        private readonly SourceLimits _limits;
        private readonly DiagnosticBag _diagnostics;
        private readonly SourceMap _map = new();
        private readonly List<string> _files = [];
        private readonly ReadContext _context;

        public LoadRun(SourceLimits limits, DiagnosticBag diagnostics)
        {
            _limits = limits;
            _diagnostics = diagnostics;
            _context = new ReadContext(diagnostics, _map);
        }

        public WorldParts Parts { get; } = new();

        /// <summary>Records a file that is not read at all, with the reason.</summary>
        public void Refuse(SourceFile file, string code, string message, string hint)
        {
            _files.Add(file.Path);
            _diagnostics.Error(SourcePosition.Whole(file.Path), code, message, hint);
        }

        /// <summary>Parses and reads one file; false when it could not be parsed at all.</summary>
        public bool Read(SourceFile file, bool isRootFile)
        {
            _files.Add(file.Path);
            if (!SourceText.Check(file, _diagnostics))
            {
                return false;
            }
            var root = DocumentReader.Read(file, _limits, _diagnostics);
            if (root is null)
            {
                return false;
            }
            FileReader.Read(root, file, isRootFile, _context, Parts);
            return true;
        }

        public LoadResult Finish(string path, string? reportMissingWorld = null)
        {
            if (Parts.InfoAt is null && reportMissingWorld is not null)
            {
                _diagnostics.Error(new SourcePosition(reportMissingWorld, 1, 1), DiagnosticCodes.WorldSection,
                    "no file of this world has a 'world' section",
                    "add to world.yaml:\n  world:\n    id: my-world\n    title: My World");
            }
            var draft = Parts.Build();
            if (draft is not null)
            {
                WorldLint.Check(draft, _map, _diagnostics);
            }
            var order = _files.Select((f, i) => (f, i)).GroupBy(p => p.f).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            // Folder-level problems first, then file by file in reading order, top to bottom.
            var sorted = _diagnostics.Items
                .Select((d, i) => (d, i))
                .OrderBy(p => p.d.Code == DiagnosticCodes.TooManyProblems)
                .ThenBy(p => order.TryGetValue(p.d.File, out var index) ? index : -1)
                .ThenBy(p => p.d.Line)
                .ThenBy(p => p.d.Column)
                .ThenBy(p => p.i)
                .Select(p => p.d)
                .ToList();
            return new LoadResult(path, draft, sorted, _map, _files);
        }
    }
}

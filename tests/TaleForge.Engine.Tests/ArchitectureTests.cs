using System.Text.RegularExpressions;

namespace TaleForge.Engine.Tests;

/// <summary>
/// The design's boundaries, checked against the source tree: which project may reference which (docs/architecture.md),
/// that only the llama.cpp binding is unsafe, and that Engine's folders depend on one another without a cycle, so
/// each folder can be read, and changed, knowing only the folders below it.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>What each project may reference; the table in docs/architecture.md says the same.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["TaleForge.Core"] = [],
        ["TaleForge.Content"] = ["TaleForge.Core"],
        ["TaleForge.Inference"] = ["TaleForge.Core"],
        ["TaleForge.LlamaCpp"] = ["TaleForge.Core", "TaleForge.Inference"],
        ["TaleForge.Engine"] = ["TaleForge.Core", "TaleForge.Content", "TaleForge.Inference"],
        ["TaleForge.Research"] = ["TaleForge.Core", "TaleForge.Content", "TaleForge.Inference", "TaleForge.Engine"],
        ["TaleForge.LlamaSharp"] = ["TaleForge.Core", "TaleForge.Inference", "TaleForge.LlamaCpp"],
        ["TaleForge.Remote"] = ["TaleForge.Core", "TaleForge.Inference"],
        ["TaleForge.Server"] = ["TaleForge.Core", "TaleForge.Inference", "TaleForge.LlamaCpp"],
        ["TaleForge.Tui"] = ["TaleForge.Core", "TaleForge.Content", "TaleForge.Engine"],
        ["TaleForge.CommandLine"] = ["TaleForge.Core", "TaleForge.Engine"],
        ["TaleForge.Cli"] = ["TaleForge.Core", "TaleForge.Content", "TaleForge.Inference", "TaleForge.LlamaCpp", "TaleForge.LlamaSharp", "TaleForge.Remote", "TaleForge.Server", "TaleForge.Engine", "TaleForge.Research", "TaleForge.Tui", "TaleForge.CommandLine"],
        ["TaleForge.Benchmarks"] = ["TaleForge.Core", "TaleForge.Content", "TaleForge.Inference", "TaleForge.LlamaCpp", "TaleForge.LlamaSharp", "TaleForge.Engine", "TaleForge.Research", "TaleForge.CommandLine"],
    };

    [Fact]
    public void Every_source_project_references_only_what_the_design_allows()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.Contains(projects, p => Path.GetFileNameWithoutExtension(p) == "TaleForge.Engine");
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} is not in the design's table of projects; add it to docs/architecture.md and here.");
            var referenced = ProjectReference().Matches(File.ReadAllText(project)).Select(m => m.Groups[1].Value);
            Assert.All(referenced, r => Assert.True(allowed.Contains(r), $"{name} references {r}, which the design does not allow."));
        }
    }

    [Fact]
    public void Only_the_native_bindings_allow_unsafe_code()
    {
        // The llama.cpp binding, and Content's one POSIX call (statx on an open descriptor), the only way to refuse a
        // named pipe or device in a world folder without blocking on it; generated marshalling needs unsafe blocks.
        var unsafeProjects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<AllowUnsafeBlocks>true", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(["TaleForge.Content", "TaleForge.LlamaCpp"], unsafeProjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Engine_folders_depend_on_one_another_without_a_cycle()
    {
        var engine = Path.Combine(Root, "src", "TaleForge.Engine");
        var graph = FolderDependencies(engine);
        Assert.Contains("Session", graph.Keys);
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"Engine's folders depend on each other in a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void A_cycle_between_folders_is_found()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };
        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
        graph["C"] = [];
        Assert.Null(FindCycle(graph));
    }

    /// <summary>Folder → the other Engine folders its files name, by using directive or qualified name.</summary>
    private static Dictionary<string, HashSet<string>> FolderDependencies(string engine)
    {
        var folders = Directory.GetDirectories(engine)
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(engine, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in EngineNamespace().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        graph[folder].Add(target);
                    }
                }
            }
        }
        return graph;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }
            if (!done.Add(node))
            {
                return null;
            }
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static string Root => Repository.Root;

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*?([A-Za-z.]+)\.csproj""")]
    private static partial Regex ProjectReference();

    // "using TaleForge.Engine.Session;", "TaleForge.Engine.Session.Cast", or "Engine.Session.Cast" inside TaleForge.*.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:TaleForge\.)?Engine\.([A-Z][A-Za-z]+)")]
    private static partial Regex EngineNamespace();
}

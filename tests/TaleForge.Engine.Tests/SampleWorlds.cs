using System.Text.RegularExpressions;
using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Core.Definitions;

namespace TaleForge.Engine.Tests;

/// <summary>The worlds shipped in worlds/ and the walkthrough scripts in docs/walkthroughs/.</summary>
internal static partial class SampleWorlds
{
    public static WorldLibrary Library { get; } = WorldLibrary.Locate(null, null, AppContext.BaseDirectory, AppContext.BaseDirectory);

    public static IEnumerable<string> Names => Library.Worlds().Select(f => Path.GetFileName(f)!);

    public static WorldDefinition Load(string name) => WorldLoader.LoadOrThrow(Library.Resolve(name));

    /// <summary>The player commands of a world's walkthrough: the first ```text block, without comments.</summary>
    public static IReadOnlyList<string> Walkthrough(string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(Library.Folder)!, "docs", "walkthroughs", name + ".md");
        var block = TextBlock().Match(File.ReadAllText(path));
        Assert.True(block.Success, $"{path} has no ```text block");
        return [.. block.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    [GeneratedRegex("```text\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}

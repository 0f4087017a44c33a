namespace TaleForge.Testing;

/// <summary>Paths in the checkout the tests run from, found by walking up to TaleForge.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Worlds => Path.Combine(Root, "worlds");
    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>The checked-in JSON Schema of world files.</summary>
    public static string Schema => Path.Combine(Docs, "schema", "world.schema.json");

    public static IReadOnlyList<string> WorldFolders() =>
        [.. Directory.GetDirectories(Worlds).Where(d => File.Exists(Path.Combine(d, "world.yaml"))).Order(StringComparer.Ordinal)];

    public static IEnumerable<object[]> WorldNames() => WorldFolders().Select(f => new object[] { Path.GetFileName(f) });

    public static IReadOnlyList<string> WorldFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaleForge.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests must run inside a TaleForge checkout.");
    }
}

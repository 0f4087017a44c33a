namespace TaleForge.Benchmarks;

/// <summary>
/// The dataset <c>bench dataset</c> plays: the two CharacterBox works of the end-to-end dataset test (one English,
/// one Chinese, two scenes each), built into this program from tests/TaleForge.Cli.Tests/Dataset so the benchmark
/// times the very files CI plays, and written out where simulate reads them.
/// </summary>
internal static class BenchDataset
{
    private const string Prefix = "Dataset.";

    public const int Works = 2;

    /// <summary>Scenes in each work.</summary>
    public const int ScenesPerWork = 2;

    /// <summary>Writes the works into <paramref name="folder"/> and returns the sources for simulate: each file, or with
    /// <paramref name="allScenes"/> false its first scene only (FILE#scene=scene-0).</summary>
    public static IReadOnlyList<string> Write(string folder, bool allScenes)
    {
        var assembly = typeof(BenchDataset).Assembly;
        var sources = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, name[Prefix.Length..]);
            using (var resource = assembly.GetManifestResourceStream(name)!)
            using (var file = File.Create(path))
            {
                resource.CopyTo(file);
            }
            sources.Add(allScenes ? path : path + "#scene=scene-0");
        }
        return sources;
    }
}

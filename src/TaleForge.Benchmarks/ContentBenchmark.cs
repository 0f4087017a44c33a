using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Content.Writing;
using TaleForge.Core;
using YamlDotNet.RepresentationModel;

namespace TaleForge.Benchmarks;

/// <summary>One measured case: load + lint of a world, against a bare YamlDotNet parse of the same files.</summary>
internal sealed record ContentCase(
    string Name,
    string World,
    int Files,
    long Bytes,
    int Locations,
    int Characters,
    int Problems,
    Timing Load,
    Timing Baseline,
    double GoalMs)
{
    public double Ratio => Load.MedianMs / Baseline.MedianMs;
    public bool MeetsGoal => Load.MedianMs <= GoalMs;
}

/// <summary>
/// Measures how long loading and linting a world takes: the largest sample world (goal 50 ms) and a generated world
/// of 200 characters and 500 locations (goal 500 ms). The baseline parses the same files with YamlDotNet's
/// representation model and nothing else, so the ratio shows what the format's checks cost on top of YAML itself.
/// </summary>
internal static class ContentBenchmark
{
    public const double SampleGoalMs = 50;
    public const double GeneratedGoalMs = 500;

    public static IReadOnlyList<ContentCase> Run(WorldLibrary library, int runs, int warmups)
    {
        var sample = LargestSample(library);
        var results = new List<ContentCase> { Measure("largest-sample", sample, Path.GetFileName(sample), SampleGoalMs, runs, warmups) };

        var folder = Path.Combine(Path.GetTempPath(), $"taleforge-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            WorldWriter.WriteFolder(GeneratedWorld.Create(characters: 200, locations: 500), folder);
            results.Add(Measure("generated", folder, "200 characters, 500 locations", GeneratedGoalMs, runs, warmups));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return results;
    }

    private static string LargestSample(WorldLibrary library)
    {
        var worlds = library.Worlds();
        if (worlds.Count == 0)
        {
            throw new TaleForgeException($"no worlds in {library.Folder} to measure.");
        }
        return worlds.MaxBy(w => Directory.EnumerateFiles(w, "*.yaml", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length))!;
    }

    private static ContentCase Measure(string name, string folder, string label, double goal, int runs, int warmups)
    {
        // The first timed call is the first load of this world in the process: what a one-shot command pays.
        LoadResult? result = null;
        var load = Timing.Measure(() => result = WorldLoader.Load(folder), warmups, runs);
        if (result!.Draft is not { } world || result.HasErrors)
        {
            throw new TaleForgeException($"the benchmark world at {folder} does not load cleanly; run 'taleforge validate {folder}'.");
        }
        var files = result.Files.ToList();
        var baseline = Timing.Measure(
            () =>
            {
                foreach (var file in files)
                {
                    new YamlStream().Load(new StringReader(File.ReadAllText(file)));
                }
            },
            warmups,
            runs);
        return new ContentCase(
            name,
            label,
            files.Count,
            files.Sum(f => new FileInfo(f).Length),
            world.Locations.Length,
            world.Characters.Length,
            result.Diagnostics.Count,
            load,
            baseline,
            goal);
    }
}

using TaleForge.Content.Opening;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>
/// What a dataset run plays, from the sources named on the command line: worlds (by name, folder or file),
/// CharacterBox files, and folders of CharacterBox files (every .json under them). Each work is one world,
/// and each of its scenes one entry, on that scene's own data when the work is a CharacterBox file.
/// </summary>
internal static class DatasetSources
{
    /// <summary>One work and the scenes to play in it (null: the world's own start, played to its end).</summary>
    public sealed record Work(OpenedWorld World, IReadOnlyList<(OpenedWorld World, string? Scene)> Scenes);

    public static IReadOnlyList<Work> Open(IReadOnlyList<string> sources, string? scene, bool allScenes, string? dir)
    {
        if (scene is not null && allScenes)
        {
            throw new TaleForgeException("--scene plays one scene and --all-scenes every scene; give one of them.");
        }
        if (scene is not null && sources.Count > 1)
        {
            throw new TaleForgeException($"--scene names a scene of one source, but {sources.Count} sources were given; give one source, or --all-scenes.");
        }
        var works = sources.SelectMany(s => Expand(s, dir)).Select(source => OpenWork(source, scene, allScenes)).ToList();
        var twice = works.GroupBy(w => w.World.Definition.Info.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new TaleForgeException(
                $"two sources are the same work '{twice.Key}' ({string.Join(" and ", twice.Select(w => w.World.Source))}), and a run keeps one folder a work; give each work once.");
        }
        return works;
    }

    private static IEnumerable<WorldSource> Expand(string source, string? dir)
    {
        if (Directory.Exists(source) && !File.Exists(Path.Combine(source, "world.yaml")))
        {
            var files = Directory.GetFiles(source, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new TaleForgeException($"the folder {source} holds neither a world (world.yaml) nor CharacterBox files (*.json); name a world or a folder of scene files.");
            }
            return files.Select(f => WorldSource.At(Path.GetFullPath(f)));
        }
        return [PlayCommand.ResolveWorld(source, dir).Absolute()];
    }

    /// <summary>
    /// A CharacterBox file without a scene is every scene on its own, as CharacterBox evaluates them: each on that
    /// scene's one-scene import, so its people have that scene's description, state and position. A YAML world is
    /// played from its start, or scene by scene with --all-scenes.
    /// </summary>
    private static Work OpenWork(WorldSource resolved, string? scene, bool allScenes)
    {
        if (resolved.IsCharacterBox)
        {
            if (scene is not null && resolved.Scene is not null && scene != resolved.Scene)
            {
                throw new TaleForgeException($"{resolved} names scene '{resolved.Scene}' and --scene names '{scene}'; give the scene once.");
            }
            var chosen = scene is null ? resolved : resolved.WithScene(scene);
            var opened = chosen.Open();
            if (chosen.Scene is not null)
            {
                return new Work(opened, [(opened, opened.Definition.Info.StartScene)]);
            }
            return new Work(opened, [.. opened.Definition.Scenes.Select(s => (chosen.WithScene(s.Id).Open(), (string?)s.Id))]);
        }
        var world = resolved.Open();
        if (scene is not null && world.Definition.FindScene(scene) is null)
        {
            throw new TaleForgeException($"the world '{world.Definition.Info.Id}' has no scene '{scene}'; its scenes are {string.Join(", ", world.Definition.Scenes.Select(s => s.Id))}.");
        }
        if (allScenes)
        {
            return new Work(world, [.. world.Definition.Scenes.Select(s => (world, (string?)s.Id))]);
        }
        return new Work(world, [(world, scene)]);
    }
}

using System.Globalization;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Replay;

/// <summary>Prints a replayed story: one line per step, with a heading at each scene and round.</summary>
internal static class StoryText
{
    public static async Task PrintAsync(TrajectoryFile file, ReplayView view, bool json, string? worldPath, TextWriter output)
    {
        if (json)
        {
            foreach (var record in StoryReplay.Records(file, view))
            {
                await output.WriteLineAsync(TrajectoryLines.Of(record));
            }
            return;
        }
        var world = StoryReplay.NeedsWorld(file) || worldPath is not null ? RecordedWorld.Load(file, worldPath) : null;
        var branch = view.Step is { } step ? $"the branch to step {step}" : "the main branch";
        var viewer = view.Character is { } who ? $"as {who} perceived it" : "as the narrator tells it";
        await output.WriteLineAsync($"{file.Header.World.Title}: {Path.GetFileName(file.Path)}, seed {file.Header.Seed}, {branch}, {viewer}");
        (string Scene, int Round)? place = null;
        foreach (var line in StoryReplay.Lines(file, view, world))
        {
            if (place?.Scene != line.Scene)
            {
                await output.WriteLineAsync($"== scene {line.Scene} ==");
            }
            if (place != (line.Scene, line.Round) && line.Round > 0)
            {
                await output.WriteLineAsync($"-- round {line.Round} --");
            }
            place = (line.Scene, line.Round);
            var marker = line.Kind switch
            {
                StoryLineKind.Thought => "(mind) ",
                StoryLineKind.Decision => "> ",
                _ => "",
            };
            var text = line.Text.Replace("\n", "\n        ", StringComparison.Ordinal);
            await output.WriteLineAsync($"{line.Record.Step.ToString(CultureInfo.InvariantCulture),6}  {marker}{text}");
        }
    }

    /// <summary>The id of a character named by id or name: ids from the file, names from the world when it can be loaded.</summary>
    public static string ResolveCharacter(TrajectoryFile file, string wanted, string? worldPath)
    {
        if (StoryReplay.Characters(file).Contains(wanted))
        {
            return wanted;
        }
        WorldDefinition? world = null;
        try
        {
            world = RecordedWorld.Load(file, worldPath);
        }
        catch (TaleForgeException)
        {
            // Without the world only ids can be matched; the message lists them.
        }
        return ResolveCharacter(file, wanted, world);
    }

    /// <summary>The id of a character named by id or name, in a world already opened (and checked) by the caller.</summary>
    public static string ResolveCharacter(TrajectoryFile file, string wanted, WorldDefinition? world)
    {
        var ids = StoryReplay.Characters(file);
        if (ids.Contains(wanted))
        {
            return wanted;
        }
        var match = world?.Characters.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase)
            || c.Aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase)
            || string.Equals(c.Name.Split(' ')[0], wanted, StringComparison.OrdinalIgnoreCase));
        return match?.Id ?? throw new TaleForgeException($"{file.Path} has no character '{wanted}'; its characters are {string.Join(", ", ids)}.");
    }
}

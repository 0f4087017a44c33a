using System.CommandLine;
using TaleForge.Cli.Presentation;
using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge show [WORLD]</c>: a world's title, premise, scenes and characters, and how to check it.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var world = new Argument<string?>("world")
        {
            Description = $"A world's name in the worlds folder, or the path of a world folder. Default: {WorldLibrary.DefaultWorld}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("show", "Describe a world: title, premise, scenes and characters.") { world, dir };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(world);
            // A path needs no library; a name (or nothing) is looked up in it.
            var folder = name is not null && (Directory.Exists(name) || File.Exists(name))
                ? name
                : WorldLibrary.Locate(parse.GetValue(dir)).Resolve(name);
            var result = WorldLoader.Load(folder);
            if (result.Draft is not { } definition)
            {
                throw new TaleForgeException(
                    $"the world at {folder} cannot be read ({DiagnosticReport.Count(result.ErrorCount, "error")}); run 'taleforge validate {folder}' to see them.");
            }
            await WriteAsync(definition, output);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Check this world: taleforge validate {folder}");
            if (result.HasErrors)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"error: the world has {DiagnosticReport.Count(result.ErrorCount, "error")}; run 'taleforge validate {folder}' to see them.");
                return 1;
            }
            return 0;
        });
        return command;
    }

    // East Asian characters take two columns in a terminal.
    private static int DisplayWidth(string text) => text.Sum(c => c >= '\u2E80' && c <= '\uFFDC' ? 2 : 1);

    private static async Task WriteAsync(WorldDefinition world, TextWriter output)
    {
        var info = world.Info;
        await output.WriteLineAsync(info.Title);
        await output.WriteLineAsync(new string('=', Math.Max(DisplayWidth(info.Title), 3)));
        await output.WriteLineAsync(info.Premise);
        if (info.Setting.Length > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Setting: {info.Setting}");
        }
        var start = info.StartScene.Length > 0 ? info.StartScene : world.Scenes.FirstOrDefault()?.Id;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Scenes (play begins with {start}):");
        for (var i = 0; i < world.Scenes.Length; i++)
        {
            var scene = world.Scenes[i];
            var title = scene.Title.Length > 0 ? scene.Title : scene.Id;
            await output.WriteLineAsync($"  {i + 1}. {title} ({scene.Id}): {scene.Event}");
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("Characters:");
        foreach (var character in world.Characters)
        {
            var player = character.Player ? ", playable" : "";
            await output.WriteLineAsync($"  {character.Name} ({character.Pronouns}{player}): {character.Description}");
        }
    }
}

using System.CommandLine;
using TaleForge.Cli.Presentation;
using TaleForge.Content;
using TaleForge.Content.Library;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge worlds</c>: the worlds in the library, with titles, scenes and characters.</summary>
internal static class WorldsCommand
{
    public static Command Create()
    {
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("worlds", "List the worlds you can play, with their titles, scenes and characters.") { dir };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var library = WorldLibrary.Locate(parse.GetValue(dir));
            var folders = library.Worlds();
            await output.WriteLineAsync($"Worlds in {library.Folder} ({library.FoundBy}):");
            if (folders.Count == 0)
            {
                await output.WriteLineAsync("  none: a world is a folder holding world.yaml.");
                return 0;
            }
            foreach (var folder in folders)
            {
                var name = Path.GetFileName(folder);
                var result = WorldLoader.Load(folder);
                var marker = name == WorldLibrary.DefaultWorld ? " (default)" : "";
                await output.WriteLineAsync();
                if (result.Draft is not { } world)
                {
                    await output.WriteLineAsync($"{name}{marker}: cannot be read ({DiagnosticReport.Count(result.ErrorCount, "error")}); run 'taleforge validate {folder}'");
                    continue;
                }
                await output.WriteLineAsync($"{name}{marker}: {world.Info.Title} [{world.Info.Language}]");
                await output.WriteLineAsync($"  scenes: {string.Join(", ", world.Scenes.Select(s => s.Id))}");
                await output.WriteLineAsync($"  characters: {string.Join(", ", world.Characters.Select(c => c.Player ? $"{c.Name} (player)" : c.Name))}");
                if (result.HasErrors)
                {
                    await output.WriteLineAsync($"  {DiagnosticReport.Count(result.ErrorCount, "error")}: run 'taleforge validate {folder}'");
                }
            }
            return 0;
        });
        return command;
    }
}

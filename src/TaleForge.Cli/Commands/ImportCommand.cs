using System.CommandLine;
using TaleForge.Cli.Presentation;
using TaleForge.Content;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Writing;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge import FORMAT ...</c>: worlds from other formats. <c>import characterbox FILE.json --out DIR</c>
/// converts CharacterBox scenes, writes the world, and loads it back as <c>validate</c> would.
/// </summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Convert worlds written for other tools into TaleForge worlds.")
    {
        CharacterBox(),
        ImportCardCommand.Create(),
        ImportLorebookCommand.Create(),
    };

    private static Command CharacterBox()
    {
        var file = new Argument<string>("file") { Description = "A CharacterBox scene file (.json, English or Chinese)." };
        var output = new Option<string>("--out", "-o") { Description = "The world folder to write; it must be new or empty.", Required = true };
        var scene = new Option<string?>("--scene") { Description = "Import only this scene (its id in the file). Default: every scene, in file order." };
        var command = new Command("characterbox", "Convert a CharacterBox scene file into a world folder, then check it as 'taleforge validate' does. Exits 0 when the world has no error, 1 otherwise.")
        {
            file,
            output,
            scene,
        };
        command.SetAction(async (parse, _) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var source = parse.GetValue(file)!;
            var folder = parse.GetValue(output)!;

            var world = CharacterBoxImporter.Load(source, parse.GetValue(scene));
            var written = WorldWriter.WriteFolder(world, folder);
            await stdout.WriteLineAsync(
                $"Imported {DiagnosticReport.Count(world.Scenes.Length, "scene")} and {DiagnosticReport.Count(world.Characters.Length, "character")} of '{world.Info.Title}' from {source} into {folder}:");
            foreach (var path in written)
            {
                await stdout.WriteLineAsync($"  {path}");
            }

            var result = WorldLoader.Load(folder);
            foreach (var diagnostic in result.Diagnostics)
            {
                await DiagnosticReport.WriteAsync(diagnostic, stderr);
            }
            await stdout.WriteLineAsync(DiagnosticReport.Summary(result));
            if (result.HasErrors)
            {
                return 1;
            }
            var player = world.Characters.FirstOrDefault(c => c.Player);
            await stdout.WriteLineAsync($"Play it{(player is null ? "" : $" as {player.Name}")}: taleforge play {Quoted(folder)}");
            await stdout.WriteLineAsync($"Simulate it: taleforge simulate {Quoted(folder)} --rounds 3 --out {Quoted(folder + "-run")}");
            return 0;
        });
        return command;
    }

    private static string Quoted(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}

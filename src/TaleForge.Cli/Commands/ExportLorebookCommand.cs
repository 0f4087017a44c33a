using System.CommandLine;
using System.Text;
using TaleForge.Content.Exporters;
using TaleForge.Content.Library;
using TaleForge.Content.Opening;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge export lorebook WORLD --out FILE.json</c>: the world's lore as a SillyTavern World Info file.</summary>
internal static class ExportLorebookCommand
{
    public static Command Create()
    {
        var world = new Argument<string>("world") { Description = "The world: a name in the worlds folder, or a path." };
        var output = new Option<string>("--out", "-o") { Description = "The World Info file to write (.json).", Required = true };
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("lorebook", "Export a world's lore as a SillyTavern World Info file (.json).")
        {
            world, output, dir,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = WorldLibrary.Locate(parse.GetValue(dir)).Resolve(parse.GetValue(world));
            var definition = WorldSource.At(path).Open().Definition;
            if (definition.Lore.IsEmpty)
            {
                throw new TaleForgeException($"world '{definition.Info.Id}' has no lore to export");
            }
            var target = parse.GetValue(output)!;
            var bytes = Encoding.UTF8.GetBytes(ExportCardCommand.Json(LorebookExporter.ToWorldInfo(definition), indented: true));
            ExportFile.Write(target, bytes);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {definition.Lore.Length} lore {(definition.Lore.Length == 1 ? "entry" : "entries")} of '{definition.Info.Title}' to {target}");
            return 0;
        });
        return command;
    }
}

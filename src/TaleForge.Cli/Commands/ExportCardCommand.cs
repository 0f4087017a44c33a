using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Content.Exporters;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Library;
using TaleForge.Content.Opening;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge export card WORLD --character ID --out FILE.png|FILE.json</c>: a Character Card V3; a PNG carries it
/// twice, as <c>chara</c> (V2) and <c>ccv3</c>, the way SillyTavern writes cards.
/// </summary>
internal static class ExportCardCommand
{
    public static Command Create()
    {
        var world = new Argument<string>("world") { Description = "The world: a name in the worlds folder, or a path." };
        var character = new Option<string>("--character", "-c") { Description = "The id of the character to export.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The card to write: FILE.png (an image with the card inside) or FILE.json.", Required = true };
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("card", "Export a character as a Character Card V3 (.png or .json), with the world's lore as its character book.")
        {
            world, character, output, dir,
        };
        command.SetAction(async (parse, _) =>
        {
            var path = WorldLibrary.Locate(parse.GetValue(dir)).Resolve(parse.GetValue(world));
            var definition = WorldSource.At(path).Open().Definition;
            var target = parse.GetValue(output)!;
            var card = CardExporter.ToCardV3(definition, parse.GetValue(character)!);
            var extension = Path.GetExtension(target).ToLowerInvariant();
            var bytes = extension switch
            {
                ".png" => PngCard.Embed(PlainPortrait.Png(card["data"]!["name"]!.GetValue<string>()), Json(CardExporter.ToCardV2(card)), Json(card)),
                ".json" => Encoding.UTF8.GetBytes(Json(card, indented: true)),
                _ => throw new TaleForgeException($"'{target}' should end in .png or .json, the two kinds of card file TaleForge writes"),
            };
            ExportFile.Write(target, bytes);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote the V3 card of {card["data"]!["name"]} ({bytes.Length} bytes) to {target}");
            return 0;
        });
        return command;
    }

    internal static string Json(JsonNode node, bool indented = false) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

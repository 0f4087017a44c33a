using System.CommandLine;
using TaleForge.Cli.Presentation;
using TaleForge.Content;
using TaleForge.Content.Importers;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Sources;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge import card FILE... --into WORLD</c>: character cards (V1, V2, V3; JSON, PNG, CHARX) into a world,
/// a new playable one when WORLD does not exist yet. Nothing is written unless every card reads and the world checks clean.
/// </summary>
internal static class ImportCardCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file") { Description = "Character card files: .png (SillyTavern and others), .json or .charx.", Arity = ArgumentArity.OneOrMore };
        var into = new Option<string>("--into") { Description = "The world folder to add the characters to; a new world is made there when it does not exist.", Required = true };
        var player = new Option<string>("--player") { Description = "The player's name in a new world, which the cards' {{user}} becomes.", DefaultValueFactory = _ => "Traveller" };
        var command = new Command("card", "Import character cards (Character Card V1/V2/V3 as .png, .json or .charx) into a world, with their lorebooks. Exits 0 when the world checks clean, 1 otherwise; nothing is written on failure.")
        {
            files, into, player,
        };
        command.SetAction(async (parse, _) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var cards = parse.GetValue(files)!;
            var folder = parse.GetValue(into)!;
            var existing = File.Exists(Path.Combine(folder, WorldFolder.RootFileName));

            CardWorld.Addition added;
            WorldStaging.Outcome outcome;
            if (existing)
            {
                var world = WorldLoader.LoadOrThrow(folder);
                added = CardWorld.AddTo(world, cards);
                outcome = WorldStaging.AddFiles(folder, [.. added.Cards.Select((card, i) => (
                    $"characters/{card.Character.Id}.yaml",
                    new WorldStaging.WorldPart { Characters = [added.Characters[i]], Scenes = [added.Scenes[i]], Lore = card.Lore.Entries }))]);
            }
            else
            {
                var (world, addition) = CardWorld.Create(CardWorld.IdFor(folder), cards, parse.GetValue(player)!);
                added = addition;
                outcome = WorldStaging.WriteNew(world, folder);
            }

            foreach (var diagnostic in outcome.Check.Diagnostics)
            {
                await DiagnosticReport.WriteAsync(diagnostic, stderr);
            }
            if (outcome.Written.IsEmpty)
            {
                await stderr.WriteLineAsync($"error: the imported world would not load, so nothing was written to {folder}");
                return 1;
            }
            foreach (var card in added.Cards)
            {
                var lore = card.Lore.Entries.IsEmpty ? "" : $" and {card.Lore.Entries.Length} lore {(card.Lore.Entries.Length == 1 ? "entry" : "entries")}";
                await stdout.WriteLineAsync($"Imported {card.Character.Name} (card {card.Version}, {card.Container.ToString().ToUpperInvariant()}) as '{card.Character.Id}'{lore} from {card.File}");
            }
            foreach (var note in added.Notes)
            {
                await stdout.WriteLineAsync($"note: {note}");
            }
            await stdout.WriteLineAsync($"{(existing ? "Added to" : "Created")} {folder}:");
            foreach (var path in outcome.Written)
            {
                await stdout.WriteLineAsync($"  {path}");
            }
            await stdout.WriteLineAsync(DiagnosticReport.Summary(outcome.Check));
            await stdout.WriteLineAsync($"Play it: taleforge play {(folder.Contains(' ', StringComparison.Ordinal) ? $"\"{folder}\"" : folder)}");
            return 0;
        });
        return command;
    }
}

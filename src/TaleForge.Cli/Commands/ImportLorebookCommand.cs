using System.CommandLine;
using TaleForge.Cli.Presentation;
using TaleForge.Content;
using TaleForge.Content.Importers;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Content.Sources;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge import lorebook FILE --into WORLD</c>: a SillyTavern World Info file, a lorebook_v3 file, or the
/// character book of a card, as lore entries in a new file of an existing world.
/// </summary>
internal static class ImportLorebookCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A lorebook: SillyTavern World Info (.json), lorebook_v3 (.json), or a card whose character book to take." };
        var into = new Option<string>("--into") { Description = "The world folder to add the lore to; it must exist.", Required = true };
        var command = new Command("lorebook", "Import a lorebook (SillyTavern World Info, lorebook_v3, a card's character book) into a world as lore entries. Exits 0 when the world checks clean, 1 otherwise; nothing is written on failure.")
        {
            file, into,
        };
        command.SetAction(async (parse, _) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var source = parse.GetValue(file)!;
            var folder = parse.GetValue(into)!;
            if (!File.Exists(Path.Combine(folder, WorldFolder.RootFileName)))
            {
                throw new TaleForgeException($"'{folder}' is not a world (it has no world.yaml); import a character card there first ('taleforge import card FILE --into {folder}'), or name an existing world");
            }
            var world = WorldLoader.LoadOrThrow(folder);
            var player = world.Characters.FirstOrDefault(c => c.Player)?.Name ?? "you";
            var book = LorebookReader.ReadFile(source, new Placeholders(player, player), world.Lore.Select(l => l.Id));
            if (book.Entries.IsEmpty)
            {
                throw new CardImportException(source, "has no lore entry that could be used; nothing was imported");
            }
            var name = Path.GetFileNameWithoutExtension(source);
            var relative = $"lore/{CardWorld.IdFor(name)}.yaml";
            var outcome = WorldStaging.AddFiles(folder, [(relative, new WorldStaging.WorldPart { Lore = book.Entries })]);
            foreach (var diagnostic in outcome.Check.Diagnostics)
            {
                await DiagnosticReport.WriteAsync(diagnostic, stderr);
            }
            if (outcome.Written.IsEmpty)
            {
                await stderr.WriteLineAsync($"error: the world would not load with this lore, so nothing was written to {folder}");
                return 1;
            }
            await stdout.WriteLineAsync($"Imported {book.Entries.Length} lore {(book.Entries.Length == 1 ? "entry" : "entries")} from {source} into {outcome.Written[0]}");
            foreach (var note in book.Notes)
            {
                await stdout.WriteLineAsync($"note: {note}");
            }
            var settings = book.Settings;
            if (settings != world.Info.LoreSettings && settings != new Core.Definitions.LoreSettings())
            {
                await stdout.WriteLineAsync($"note: the book asks for scan depth {settings.ScanDepth}, token budget {settings.TokenBudget} and recursion depth {settings.RecursionDepth}; the world's own 'lore_settings' are kept");
            }
            await stdout.WriteLineAsync(DiagnosticReport.Summary(outcome.Check));
            return 0;
        });
        return command;
    }
}

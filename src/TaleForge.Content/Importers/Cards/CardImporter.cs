using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Turns a card into a TaleForge character: description, personality as traits, example messages as speech
/// examples (split at <c>&lt;START&gt;</c>), alternate greetings as authored lines, the lorebook as lore; the
/// system prompt, tags, creator notes and every other field are kept under <c>extensions: card:</c>.
/// </summary>
public static partial class CardImporter
{
    public const string ExtensionKey = "card";
    public const string GreetingLinePrefix = "greeting-";

    /// <param name="characterIds">Ids already taken among characters; the new one is claimed from it.</param>
    /// <param name="loreIds">Ids already taken among lore entries.</param>
    internal static ImportedCard Read(string file, string player, IdAllocator characterIds, IEnumerable<string> loreIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(player);
        ArgumentNullException.ThrowIfNull(characterIds);
        var (json, container) = CardFile.ReadJson(file);
        var card = CardParser.Parse(json, file);
        var names = new Placeholders(card.Nickname.Length > 0 ? card.Nickname : card.Name, player);
        var id = characterIds.Claim(AsciiId.Slug(card.Name) is { Length: > 0 } slug ? slug : "character");
        var lore = card.Book is { } book ? LorebookReader.FromCharacterBook(book, file, names, loreIds) : new LoreImport();
        var character = new CharacterDefinition
        {
            Id = id,
            Name = card.Name,
            Description = names.Resolve(card.Description).Trim(),
            Personality = new Personality { Traits = Traits(names.Resolve(card.Personality)) },
            Speech = new SpeechStyle { Examples = Examples(names.Resolve(card.ExampleMessages)) },
            Authored = new AuthoredBehaviour
            {
                Lines = [.. card.AlternateGreetings.Select((g, i) => new AuthoredLine { Id = $"{GreetingLinePrefix}{i + 2}", Action = names.Resolve(g).Trim() })
                    .Where(l => l.Action.Length > 0)],
            },
            Extensions = card.Kept.Count == 0 ? Extensions.Empty : new Extensions([KeyValuePair.Create<string, object?>(ExtensionKey, JsonExtensions.ToExtensions(card.Kept))]),
        };
        return new ImportedCard
        {
            File = file,
            Container = container,
            Card = card,
            Character = character,
            Scenario = names.Resolve(card.Scenario).Trim(),
            Greeting = names.Resolve(card.FirstMessage).Trim(),
            Lore = lore,
        };
    }

    /// <summary>Personality as traits: split at commas, semicolons and lines, unless that would cut prose into pieces.</summary>
    public static ImmutableArray<string> Traits(string personality)
    {
        ArgumentNullException.ThrowIfNull(personality);
        var parts = personality.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Any(p => p.Length > 60) ? (personality.Trim().Length > 0 ? [personality.Trim()] : []) : [.. parts];
    }

    public static ImmutableArray<string> Examples(string examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return [.. Start().Split(examples).Select(e => e.Trim()).Where(e => e.Length > 0)];
    }

    [GeneratedRegex("<START>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Start();
}

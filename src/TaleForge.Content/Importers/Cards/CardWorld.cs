using System.Collections.Immutable;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Puts imported cards into a world. A new world gets one place described by the first card's scenario, a player
/// character, and a scene per card (its scenario, its greeting as the opening beat), played one after another.
/// An existing world gets each character and its scene at the world's starting place, and the lore.
/// </summary>
public static class CardWorld
{
    public const string PlayerId = "player";
    public const string PlaceId = "meeting-place";
    public const int RoundsPerScene = 20;

    /// <summary>The parts an import adds, and what it has to say about them.</summary>
    public sealed record Addition(
        ImmutableArray<ImportedCard> Cards,
        ImmutableArray<LocationDefinition> Locations,
        ImmutableArray<CharacterDefinition> Characters,
        ImmutableArray<SceneDefinition> Scenes,
        ImmutableArray<LoreEntry> Lore,
        ImmutableArray<string> Notes);

    /// <summary>The id of a new world written to <paramref name="folder"/>: its folder name, as an id.</summary>
    public static string IdFor(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return AsciiId.Slug(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))) is { Length: > 0 } slug ? slug : "cards";
    }

    /// <summary>A playable world around the cards at <paramref name="files"/>.</summary>
    public static (WorldDefinition World, Addition Added) Create(string worldId, IReadOnlyList<string> files, string player)
    {
        ArgumentException.ThrowIfNullOrEmpty(worldId);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(player);
        var characterIds = new IdAllocator();
        characterIds.Claim(PlayerId);
        var cards = Read(files, player, characterIds, []);
        var first = cards[0];
        var place = new LocationDefinition
        {
            Id = PlaceId,
            Name = PlaceName(first),
            Description = first.Scenario,
        };
        var playerCharacter = new CharacterDefinition
        {
            Id = PlayerId,
            Name = player,
            Player = true,
            Start = new CharacterStart { Location = PlaceId },
        };
        var scenes = Scenes(cards, PlaceId, PlayerId, new IdAllocator(), chain: true);
        var lore = cards.SelectMany(c => c.Lore.Entries).ToImmutableArray();
        var book = cards.Select(c => c.Lore).FirstOrDefault(l => !l.Entries.IsEmpty) ?? new LoreImport();
        var world = new WorldDefinition
        {
            Info = new WorldInfo
            {
                Id = worldId,
                Title = string.Join(" and ", cards.Select(c => c.Character.Name)),
                Premise = first.Scenario,
                StartScene = scenes[0].Id,
                LoreSettings = book.Settings,
                Extensions = book.Book.IsEmpty ? Extensions.Empty : new Extensions([KeyValuePair.Create<string, object?>(BookEntryMapping.ExtensionKey, book.Book)]),
            },
            Locations = [place],
            Characters = [playerCharacter, .. cards.Select(c => c.Character with { Start = c.Character.Start with { Location = PlaceId } })],
            Scenes = scenes,
            Lore = lore,
        };
        return (world, new Addition(cards, world.Locations, world.Characters, scenes, lore, Notes(cards, newWorld: true)));
    }

    /// <summary>What the cards add to <paramref name="world"/>: characters and their scenes at its starting place, and lore.</summary>
    public static Addition AddTo(WorldDefinition world, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(files);
        var player = world.Characters.FirstOrDefault(c => c.Player)
            ?? throw new Core.TaleForgeException($"world '{world.Info.Id}' has no player character ('player: true'), so the cards' {{{{user}}}} has no one to stand for; add one, or import into a new world");
        var start = world.FindScene(world.Info.StartScene) ?? world.Scenes.FirstOrDefault();
        var place = start?.Location ?? world.Locations.FirstOrDefault()?.Id
            ?? throw new Core.TaleForgeException($"world '{world.Info.Id}' has no location to put the characters in");
        var characterIds = Allocator(world.Characters.Select(c => c.Id));
        var cards = Read(files, player.Name, characterIds, world.Lore.Select(l => l.Id));
        var characters = cards.Select(c => c.Character with { Start = c.Character.Start with { Location = place } }).ToImmutableArray();
        var scenes = Scenes(cards, place, player.Id, Allocator(world.Scenes.Select(s => s.Id)), chain: false);
        var notes = Notes(cards, newWorld: false).Add(
            $"the new scene{(scenes.Length == 1 ? "" : "s")} {string.Join(", ", scenes.Select(s => s.Id))} {(scenes.Length == 1 ? "is" : "are")} not reached from the world's story yet; add a transition to play {(scenes.Length == 1 ? "it" : "them")}");
        return new Addition(cards, [], characters, scenes, [.. cards.SelectMany(c => c.Lore.Entries)], notes);
    }

    private static ImmutableArray<ImportedCard> Read(IReadOnlyList<string> files, string player, IdAllocator characterIds, IEnumerable<string> loreIds)
    {
        if (files.Count == 0)
        {
            throw new Core.TaleForgeException("no card file given; name one or more .png, .json or .charx files");
        }
        var cards = ImmutableArray.CreateBuilder<ImportedCard>();
        var taken = loreIds.ToList();
        foreach (var file in files)
        {
            var card = CardImporter.Read(file, player, characterIds, taken);
            cards.Add(card);
            taken.AddRange(card.Lore.Entries.Select(e => e.Id));
        }
        return cards.ToImmutable();
    }

    private static ImmutableArray<SceneDefinition> Scenes(ImmutableArray<ImportedCard> cards, string place, string player, IdAllocator ids, bool chain)
    {
        var scenes = cards.Select(card => new SceneDefinition
        {
            Id = ids.Claim($"meeting-{card.Character.Id}"),
            Title = card.Character.Name,
            Location = place,
            Description = card.Scenario,
            Participants = [player, card.Character.Id],
            Opening = card.Greeting.Length > 0 ? [new OpeningBeat(card.Character.Id, card.Greeting)] : [],
            End = new SceneEnd { MaxRounds = RoundsPerScene },
        }).ToList();
        if (chain)
        {
            for (var i = 0; i + 1 < scenes.Count; i++)
            {
                scenes[i] = scenes[i] with { Transitions = [new SceneTransition(scenes[i + 1].Id)] };
            }
        }
        return [.. scenes];
    }

    private static ImmutableArray<string> Notes(ImmutableArray<ImportedCard> cards, bool newWorld)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var card in cards)
        {
            notes.AddRange(card.Lore.Notes.Select(n => $"{card.File}: {n}"));
        }
        if (!newWorld && cards.Any(c => !c.Lore.Entries.IsEmpty))
        {
            notes.Add("the lorebooks' scan depth, token budget and recursion are not applied to an existing world; set them under 'world: lore_settings:'");
        }
        return notes.ToImmutable();
    }

    // A scenario is prose about a meeting, not a name, so the place is named after the one met there.
    private static string PlaceName(ImportedCard card) => $"{card.Character.Name}'s place";

    private static IdAllocator Allocator(IEnumerable<string> taken)
    {
        var ids = new IdAllocator();
        foreach (var id in taken)
        {
            ids.Claim(id);
        }
        return ids;
    }
}

using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Play;

/// <summary>
/// The games a player can start from inside a game (the full-screen game's new-game dialog): the worlds on offer
/// with the characters each lets a person play, and a new game of the one picked. The seam between the play
/// controller and the command line, which knows the models and where games are saved.
/// </summary>
public interface IGameStarts
{
    /// <summary>The worlds that can be played, each with its characters, in the order to offer them.</summary>
    IReadOnlyList<WorldOffer> Worlds();

    /// <summary>A new game of <paramref name="world"/> played as <paramref name="character"/>, not started yet.</summary>
    Task<NewGame> StartAsync(WorldOffer world, string character, CancellationToken cancellation = default);
}

/// <summary>A world that can be played: its folder, title and language, and its characters, playable ones first.</summary>
public sealed record WorldOffer(string Folder, string Title, string Language, IReadOnlyList<CharacterOffer> Characters)
{
    /// <summary>
    /// The worlds of a library that load without errors, by folder name; a world that does not load is left out
    /// (<c>taleforge worlds</c> and <c>taleforge validate</c> say why), as is one with nobody to play.
    /// </summary>
    public static IReadOnlyList<WorldOffer> In(WorldLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var offers = new List<WorldOffer>();
        foreach (var folder in library.Worlds())
        {
            if (WorldLoader.Load(folder).World is not { } world || !world.Characters.Any())
            {
                continue;
            }
            var characters = world.Characters.OrderBy(c => c.Player ? 0 : 1).Select(c => new CharacterOffer(c.Id, c.Name, c.Player));
            offers.Add(new WorldOffer(folder, world.Info.Title, world.Info.Language, [.. characters]));
        }
        return offers;
    }
}

/// <summary>A character a player may take: its id, name, and whether the author meant it for a player.</summary>
public sealed record CharacterOffer(string Id, string Name, bool Playable);

/// <summary>A new game, ready to start: its session and the save it writes into (null when games are not saved).</summary>
public sealed record NewGame(GameSession Session, SaveSlot? Slot, IReadOnlyList<string> Warnings);

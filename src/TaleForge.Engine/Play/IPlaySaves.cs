using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Play;

/// <summary>
/// The named saves a game can be kept in and loaded from (<c>/save NAME</c>, <c>/load NAME</c>): the seam between
/// the play controller and <see cref="SaveLibrary"/>, so a test drives the controller with no terminal and the
/// command line supplies the cast and world a loaded save needs.
/// </summary>
public interface IPlaySaves
{
    /// <summary>The folder the saves are kept in, as the player is told it.</summary>
    string Folder { get; }

    /// <summary>Copies the save being played under a name of its own; returns the copy's name.</summary>
    string Keep(SaveSlot playing, string name);

    /// <summary>Continues a copy of a named save: a session writing into the copy, and what was wrong with the save.</summary>
    LoadedGame Load(string name);
}

/// <summary>A game taken up from a save: the session, the slot it writes into, and warnings about the save.</summary>
public sealed record LoadedGame(GameSession Session, SaveSlot Slot, IReadOnlyList<string> Warnings);

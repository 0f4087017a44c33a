namespace TaleForge.Engine.Play;

/// <summary>
/// How a view lets the player stop the story being generated (Ctrl-C in line mode, a key in a full-screen game):
/// a token per generation, and whether the game as a whole is closing, in which case nothing is rewound.
/// </summary>
public interface IGenerationGate
{
    /// <summary>A token for one generation; the view cancels it to stop that generation alone.</summary>
    CancellationToken Begin();

    void End();

    /// <summary>The whole game was cancelled, not just one generation.</summary>
    bool Quitting { get; }
}

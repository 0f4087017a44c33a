namespace TaleForge.Cli.Models;

/// <summary>
/// Where loading models is told: a progress line on the terminal (<see cref="ProgressLine"/>), or the full-screen
/// game's loading bar (<see cref="ScreenLoadProgress"/>). Files load one at a time, so each call after
/// <see cref="Begin"/> is about the file begun last.
/// </summary>
internal interface ILoadProgress
{
    /// <summary>A model file begins loading; the fraction loaded (0 to 1) is reported to what this returns.</summary>
    /// <param name="file">The file's path.</param>
    /// <param name="label">What the terminal says of it ("Loading model.gguf").</param>
    IProgress<float> Begin(string file, string label);

    /// <summary>The file begun last has loaded; <paramref name="message"/> says what it is and how it runs.</summary>
    void Done(string message);

    /// <summary>The file begun last did not load (an error, or a stop): its bar goes, the error is told elsewhere.</summary>
    void Failed();

    /// <summary>A note with nothing to load ("Using MODEL at URL").</summary>
    void Note(string message);
}

using TaleForge.Tui;

namespace TaleForge.Cli.Models;

/// <summary>
/// Loading told on the full-screen game: the file and the fraction loaded go to the <see cref="ModelActivity"/>
/// the screen draws as a bar, which goes when the file has loaded (or failed to). Notes are dropped: the screen
/// owns the terminal, and the status bar names the models once the game begins.
/// </summary>
internal sealed class ScreenLoadProgress(ModelActivity activity) : ILoadProgress
{
    private string _file = "";

    public IProgress<float> Begin(string file, string label)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        activity.Load(file, 0);
        return new Bar(activity, file);
    }

    public void Done(string message) => activity.Load(_file, 1);

    public void Failed() => activity.Load(_file, 1);

    public void Note(string message)
    {
    }

    /// <summary>Reports straight into the activity, from whatever thread the loader reports on.</summary>
    private sealed class Bar(ModelActivity activity, string file) : IProgress<float>
    {
        // The loader reports up to 1 before the file is ready; the bar goes only when it is (Done).
        public void Report(float value) => activity.Load(file, Math.Min(value, 0.999));
    }
}

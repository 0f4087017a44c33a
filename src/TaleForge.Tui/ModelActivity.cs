namespace TaleForge.Tui;

/// <summary>
/// What the model is doing, as the screen shows it: a model file loading (with how far it got) and the character
/// whose call runs. The play side reports into it from any thread; the screen reads it on each render tick.
/// </summary>
public sealed class ModelActivity
{
    private readonly Lock _lock = new();
    private (string File, double Fraction)? _loading;
    private string? _thinking;

    /// <summary>The model file loading and the fraction loaded (0 to 1); null when none is loading.</summary>
    public (string File, double Fraction)? Loading
    {
        get
        {
            lock (_lock)
            {
                return _loading;
            }
        }
    }

    /// <summary>The name of the character a model call runs for now; null when none runs.</summary>
    public string? Thinking
    {
        get
        {
            lock (_lock)
            {
                return _thinking;
            }
        }
    }

    /// <summary>Reports loading progress; a fraction of 1 or more ends the loading.</summary>
    public void Load(string file, double fraction)
    {
        ArgumentNullException.ThrowIfNull(file);
        lock (_lock)
        {
            _loading = fraction >= 1 ? null : (file, Math.Clamp(fraction, 0, 1));
        }
    }

    /// <summary>Reports that a call for <paramref name="character"/> began (null: the call ended).</summary>
    public void Think(string? character)
    {
        lock (_lock)
        {
            _thinking = character;
        }
    }

    /// <summary>The line the screen shows for it, in <paramref name="words"/>; null when the model is idle.</summary>
    public string? Describe(Screen.ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (Loading is var (file, fraction))
        {
            const int width = 20;
            var full = (int)Math.Round(fraction * width);
            return $"{words.LoadingModel} {Path.GetFileName(file)} {new string('█', full)}{new string('░', width - full)} {(int)Math.Round(fraction * 100)}%";
        }
        return Thinking is { } who ? $"{who} {words.IsThinking} · Esc {words.Stops}" : null;
    }
}

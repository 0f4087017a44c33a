namespace TaleForge.Inference.Streaming;

/// <summary>
/// Who, if anyone, reads replies as they are generated. A view sets a listener around the work it waits for
/// (a turn); typed requests made within it, however deep, then stream their replies and report the text of the
/// fields a player reads. Carried by the async flow, so concurrent games in one process do not hear each other.
/// </summary>
public static class ReplyTextListener
{
    private static readonly AsyncLocal<Action<StreamedText>?> Listener = new();

    /// <summary>The fields whose text a player sees while it is written: what characters say, what the narrator tells.</summary>
    public static IReadOnlyList<string> VisibleFields { get; } = ["line", "narration", "description", "dialogue", "summary"];

    public static Action<StreamedText>? Current => Listener.Value;

    /// <summary>Sends streamed text to <paramref name="listener"/> until the returned scope is disposed.</summary>
    public static IDisposable Listen(Action<StreamedText> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var previous = Listener.Value;
        Listener.Value = listener;
        return new Scope(previous);
    }

    private sealed class Scope(Action<StreamedText>? previous) : IDisposable
    {
        public void Dispose() => Listener.Value = previous;
    }
}

/// <summary>
/// Text of a reply as it is decoded: which call (role, attempt), which field, and the characters that just
/// arrived. A re-asked call starts again with a higher attempt, so a view can drop what the refused one showed.
/// </summary>
public sealed record StreamedText(string Role, int Attempt, string Field, string Text);

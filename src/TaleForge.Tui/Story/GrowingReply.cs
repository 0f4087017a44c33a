using System.Text;
using TaleForge.Engine.Agents;
using TaleForge.Inference.Streaming;

namespace TaleForge.Tui.Story;

/// <summary>
/// The reply being generated, as the story pane shows it while it grows: the pieces of one field of one call put
/// together (a new call, field or attempt starts afresh, so a refused reply's text is dropped), a character's
/// words under their name, narration as narration, and a trailing ellipsis until the finished event replaces it.
/// Pieces may come from several threads at once (calls run concurrently), so it keeps to a lock.
/// </summary>
public sealed class GrowingReply(Func<string, string> nameOf)
{
    private static readonly HashSet<string> SpokenFields = new(StringComparer.Ordinal) { "line", "dialogue" };

    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private StreamedText? _current;

    /// <summary>Adds a piece; the line to show now.</summary>
    public StoryLine Add(StreamedText piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        lock (_gate)
        {
            if (_current is not { } current || current.Role != piece.Role || current.Attempt != piece.Attempt || current.Field != piece.Field)
            {
                _text.Clear();
            }
            _current = piece;
            _text.Append(piece.Text);
            var text = _text.ToString().Trim();
            return Role.TryParse(piece.Role) is { Kind: RoleKind.Character, CharacterId: { } speaker } && SpokenFields.Contains(piece.Field)
                ? new StoryLine($"{nameOf(speaker)}: “{text}…", StoryTone.Speech, speaker)
                : new StoryLine(text + "…", StoryTone.Narration);
        }
    }

    /// <summary>The reply became an event (or the turn ended): the next piece starts a new line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _current = null;
            _text.Clear();
        }
    }
}

using TaleForge.Engine.Agents;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// Makes a model call that failed visible in play: without it a prompt too long for the context leaves the
/// characters silently waiting. After each step of play, every new call with no usable reply is told once, with
/// what to do when it did not fit the context.
/// </summary>
public sealed class ModelTrouble
{
    private GameSession? _session;
    private int _seen;

    /// <summary>Notes where the session's calls stand before a step of play.</summary>
    public void Before(GameSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!ReferenceEquals(session, _session))
        {
            _session = session;
        }
        _seen = session.Calls.Count;
    }

    /// <summary>What to tell the player about the calls made since <see cref="Before"/>, in the game's language.</summary>
    public IReadOnlyList<string> After(GameSession session, InterfaceText text)
    {
        ArgumentNullException.ThrowIfNull(session);
        var calls = session.Calls;
        var from = ReferenceEquals(session, _session) ? Math.Min(_seen, calls.Count) : calls.Count;
        var lines = new List<string>();
        for (var i = from; i < calls.Count; i++)
        {
            if (calls[i].Failure is { } failure)
            {
                lines.Add(Describe(calls[i], failure, text));
            }
        }
        Before(session);
        return lines;
    }

    public static string Describe(ModelCall call, string failure, InterfaceText text)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(text);
        var who = call.Call.Role.CharacterId ?? call.Call.Role.ToString();
        return text.ModelCallFailed(who, failure, failure.Contains("context", StringComparison.OrdinalIgnoreCase));
    }
}

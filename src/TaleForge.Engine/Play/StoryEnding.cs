using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Play;

/// <summary>
/// The ending screen's content: how the story ended, each scene played with how it ended, the player's turns,
/// and what the player may do now (undo, restart, load, quit). <see cref="Lines"/> are ready to show in the world's
/// language.
/// </summary>
public sealed record StoryEnding(string Ending, ImmutableArray<ScenePlayed> Scenes, int Turns, ImmutableArray<string> Lines)
{
    public static StoryEnding Of(GameSession session, InterfaceText text)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        var world = session.State.World;
        var scenes = new List<ScenePlayed>();
        foreach (var entry in session.Log)
        {
            switch (entry.Event)
            {
                case WorldEvent.SceneStarted started:
                    scenes.Add(new ScenePlayed(started.Scene, world.FindScene(started.Scene)?.Title is { Length: > 0 } title ? title : started.Scene, ""));
                    break;
                case WorldEvent.SceneEnded ended when scenes.FindLastIndex(s => s.Id == ended.Scene) is var at and >= 0:
                    scenes[at] = scenes[at] with { Outcome = ended.Reason };
                    break;
            }
        }
        var player = session.Cast.Player;
        var turns = player is null ? 0 : session.Log.Count(e => e.Event is WorldEvent.Acted a && a.Character == player
            || e.Event is WorldEvent.Said s && s.Character == player || e.Event is WorldEvent.Moved m && m.Character == player
            || e.Event is WorldEvent.Took t && t.Character == player || e.Event is WorldEvent.Dropped d && d.Character == player
            || e.Event is WorldEvent.Gave g && g.Character == player);
        var lines = new List<string> { text.TheEnd };
        lines.AddRange(scenes.Select(s => text.ScenePlayed(s.Title, s.Outcome)));
        if (player is not null)
        {
            lines.Add(text.TurnsPlayed(turns));
        }
        lines.Add(text.AfterTheEnd);
        return new StoryEnding(session.State.Ending ?? "", [.. scenes], turns, [.. lines]);
    }

    public bool Equals(StoryEnding? other) =>
        other is not null && Ending == other.Ending && Scenes.SequenceEqual(other.Scenes) && Turns == other.Turns && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(Ending, Turns);
}

/// <summary>A scene of the story as it was played: its title and how it ended (empty while it runs).</summary>
public sealed record ScenePlayed(string Id, string Title, string Outcome);

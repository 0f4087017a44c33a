using TaleForge.Core.Events;
using TaleForge.Core.State;

namespace TaleForge.Core.Phrasing;

/// <summary>
/// An event as one viewer reads it: "You take the lantern." for the one who took it, "Mara takes the lantern."
/// for the others. Bookkeeping events have no text.
/// </summary>
public static class EventText
{
    /// <param name="after">The state just after the event (to tell who sees an arrival rather than a departure).</param>
    /// <param name="viewer">The character reading, or null for an outside observer.</param>
    public static string? Describe(WorldEvent e, WorldState after, string? viewer)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(after);
        var names = new Names(after.World);
        var phrases = names.Phrases;
        Subject Who(string id) => names.Subject(id, viewer);

        return e switch
        {
            WorldEvent.Moved m when viewer != m.Character && viewer is not null && after.LocationOf(viewer) == m.To =>
                phrases.Arrived(Who(m.Character), names.Location(m.From)),
            WorldEvent.Moved m => phrases.Left(Who(m.Character), m.Exit, names.Location(m.To)),
            WorldEvent.Gathered g when viewer == g.Character => phrases.Gathered(Who(g.Character), names.Location(g.To)),
            WorldEvent.Gathered g when viewer is not null && after.LocationOf(viewer) == g.To => phrases.Arrived(Who(g.Character), names.Location(g.From)),
            WorldEvent.Gathered g => phrases.Gathered(Who(g.Character), names.Location(g.To)),
            WorldEvent.Took t => phrases.Took(Who(t.Character), names.Item(t.Item)),
            WorldEvent.Dropped d => phrases.Dropped(Who(d.Character), names.Item(d.Item)),
            WorldEvent.Gave g => phrases.Gave(Who(g.Character), names.Item(g.Item), Who(g.To)),
            WorldEvent.Said s when viewer is not null && viewer != s.Character && after.Characters.ContainsKey(viewer)
                && after.Characters.ContainsKey(s.Character) && after.LocationOf(viewer) != after.LocationOf(s.Character) =>
                phrases.Overheard(Who(s.Character), s.Text, [.. s.To.Select(Who)], names.Location(after.LocationOf(s.Character) ?? "")),
            WorldEvent.Said s => phrases.Said(Who(s.Character), s.Text, [.. s.To.Select(Who)]),
            WorldEvent.Acted a when NamesItsActor(after, a) => phrases.Sentence(a.Action),
            WorldEvent.Acted a => phrases.Acted(Who(a.Character), a.Action),
            WorldEvent.Vetoed v => phrases.Refused(Who(v.Character), v.Reason, names.Item, names.Character),
            WorldEvent.Noticed n => n.Text,
            WorldEvent.PositionChanged p => phrases.PositionChanged(Who(p.Character), p.Position),
            WorldEvent.ConditionChanged c => phrases.ConditionChanged(Who(c.Character), c.Condition),
            WorldEvent.EmotionChanged m => phrases.EmotionChanged(Who(m.Character), m.Emotion),
            // A trigger heard from next door says where it came from, as overheard speech does.
            WorldEvent.Narrated { Heard: Definitions.Hearing.Adjacent, Location: { } at } n when viewer is not null
                && after.LocationOf(viewer) is { } there && there != at => phrases.HeardFrom(names.Location(at), n.Text),
            WorldEvent.Narrated n => n.Text,
            WorldEvent.EnvironmentChanged env => env.Description,
            WorldEvent.SceneStarted s => phrases.SceneBegins(after.World.FindScene(s.Scene) is { Title.Length: > 0 } scene ? scene.Title : s.Scene),
            WorldEvent.StoryEnded => phrases.StoryEnds,
            _ => null,
        };
    }

    /// <summary>
    /// Authors often write an action as a whole sentence ("Maud sets down the glass", "By the fire, Pell
    /// flinches"); when it names its actor anywhere, it is shown as written rather than with the name put in
    /// front a second time.
    /// </summary>
    private static bool NamesItsActor(WorldState state, WorldEvent.Acted acted)
    {
        if (state.World.FindCharacter(acted.Character) is not { } character)
        {
            return false;
        }
        return character.Aliases.Prepend(character.Name).Prepend(character.Name.Split(' ')[0])
            .Any(name => ContainsWord(acted.Action, name));
    }

    /// <summary>Whether <paramref name="name"/> occurs as a word; CJK names have no word boundaries to check.</summary>
    private static bool ContainsWord(string text, string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        // Lower-case aliases ("the boy") are common words elsewhere in a sentence; they count only as its subject.
        text = text.TrimStart();
        if (char.IsLower(name[0]))
        {
            return text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (text.Length == name.Length || !char.IsLetter(text[name.Length]));
        }
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (name.Any(c => c > 0x2E80)
                || ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))))
            {
                return true;
            }
        }
        return false;
    }
}

using System.Text;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// A character's prompt, built only from its <see cref="CharacterView"/>. The profile comes first and does not
/// change between calls, so a backend with a prefix cache evaluates it once; the situation and the task come last.
/// </summary>
public static class CharacterPrompt
{
    /// <summary>Who the character is: stable for the whole play-through.</summary>
    public static string Profile(CharacterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Character;
        var text = new StringBuilder();
        text.Append($"You are {c.Name}, a character in the story \"{view.WorldTitle}\". Stay in character at all times: ")
            .Append("speak and act only as ").Append(c.Name).Append(" would, and never mention being a model or a game.\n");
        if (view.Premise.Length > 0)
        {
            text.Append("The story: ").Append(view.Premise).Append('\n');
        }
        if (c.Description.Length > 0)
        {
            text.Append("How you appear: ").Append(c.Description).Append('\n');
        }
        if (c.Background.Length > 0)
        {
            text.Append("Your past: ").Append(c.Background).Append('\n');
        }
        if (c.Personality.BigFive is { } five)
        {
            text.Append("Your temperament: ").Append(PromptText.Describe(five)).Append(".\n");
        }
        if (c.Personality.Traits.Length > 0)
        {
            text.Append("Traits: ").Append(string.Join(", ", c.Personality.Traits)).Append(".\n");
        }
        if (c.Speech.Style.Length > 0)
        {
            text.Append("How you speak: ").Append(c.Speech.Style).Append('\n');
        }
        PromptText.Section(text, "Things you have said:", c.Speech.Examples.Select(e => $"\"{e}\""));
        PromptText.Section(text, "Phrases you often use:", c.Speech.Catchphrases.Select(e => $"\"{e}\""));
        PromptText.Section(text, "What you want soon:", c.Goals.ShortTerm);
        PromptText.Section(text, "What you want in the end:", c.Goals.LongTerm);
        PromptText.Section(text, "People you know:", c.Relationships.Select(r =>
            $"{view.KnownNames.GetValueOrDefault(r.With, r.With)} [{r.With}]: {r.Stance}{(r.Note.Length > 0 ? $" ({r.Note})" : "")}"));
        PromptText.Section(text, "What you know:", c.Knowledge);
        PromptText.Section(text, "Your secrets (never reveal them; turn the talk away if someone comes close):", c.Secrets.Select(s => s.Text));
        text.Append(PromptText.LanguageRule(view.Language)).Append('\n');
        return text.ToString();
    }

    /// <summary>Where the character is and what it remembers: changes every call.</summary>
    public static string Situation(CharacterView view, int memories, int recent)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        var scene = view.Scene;
        text.Append($"Scene: {scene.Title}{(scene.Event.Length > 0 ? $" ({scene.Event})" : "")}, round {scene.Round}.");
        if (scene.Time.Length > 0)
        {
            text.Append($" Time: {scene.Time}.");
        }
        text.Append('\n');
        if (scene.Environment.Length > 0)
        {
            text.Append("Around you: ").Append(scene.Environment).Append('\n');
        }
        var here = view.Here;
        text.Append($"You are in {here.Location.Name}. {here.Location.Description}\n");
        if (!here.Exits.IsEmpty)
        {
            text.Append("Ways out: ").Append(string.Join(", ", here.Exits)).Append(".\n");
        }
        if (!here.Items.IsEmpty)
        {
            text.Append("You see: ").Append(string.Join(", ", here.Items.Select(i => $"{i.Name} [{i.Id}]"))).Append(".\n");
        }
        PromptText.Section(text, "Also here:", here.People.Select(p =>
            $"{p.Name} [{p.Id}]: {Join(p.Description, p.Position, p.Condition, p.Emotion.Length > 0 ? $"seems {p.Emotion}" : "")}"));
        text.Append("You carry: ").Append(view.Inventory.IsEmpty ? "nothing" : string.Join(", ", view.Inventory.Select(i => $"{i.Name} [{i.Id}]"))).Append(".\n");
        var self = view.Self;
        text.Append("You are ").Append(Join(self.Position, self.Condition, self.Emotion.Length > 0 ? $"feeling {self.Emotion}" : "")).Append(".\n");
        var beliefs = self.Beliefs;
        if (beliefs.Belief.Length + beliefs.Desire.Length + beliefs.Intention.Length > 0)
        {
            text.Append($"You believe: {beliefs.Belief}\nYou want: {beliefs.Desire}\nYou intend: {beliefs.Intention}\n");
            PromptText.Section(text, "How you see the others:", beliefs.Others.Select(o => $"{view.KnownNames.GetValueOrDefault(o.Key, o.Key)}: {o.Value}"));
        }
        PromptText.Section(text, "Things you know of this world:", view.Lore.Select(l => l.Text));

        var all = MemoryStream(view);
        var latest = all.TakeLast(recent).ToList();
        var older = all.Take(all.Count - latest.Count).ToList();
        var situation = string.Join(" ", latest.Select(o => o.Text)) + " " + scene.Event;
        PromptText.Section(text, "You remember:", MemoryRetrieval.Recall(older, situation, view.Time, memories).Select(o => o.Text));
        PromptText.Section(text, "What just happened:", latest.Select(o => o.Text));
        if (view.Direction is { Length: > 0 } direction)
        {
            text.Append("A note for this round: ").Append(direction).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Observations and reflections, oldest first.</summary>
    private static List<Observation> MemoryStream(CharacterView view) =>
        [.. view.Observations
            .Concat(view.Self.Memories.Select(m => new Observation(-1, m.Time, 0, m.Text, m.Importance)))
            .OrderBy(o => o.Time.TotalMinutes).ThenBy(o => o.Step)];

    private static string Join(params string[] parts) => string.Join(", ", parts.Where(p => p.Length > 0));
}

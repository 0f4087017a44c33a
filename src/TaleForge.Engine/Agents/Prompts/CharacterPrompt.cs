using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// A character's prompt, built only from its <see cref="CharacterView"/>. The profile comes first and does not
/// change between calls, so a backend with a prefix cache evaluates it once; the situation and the task come last.
/// The wording is the prompt set's; this class only gathers what the character may know.
/// </summary>
public static class CharacterPrompt
{
    /// <summary>Who the character is: stable for the whole play-through.</summary>
    public static string Profile(PromptSet prompts, CharacterView view)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Character;
        return prompts.Render(EnginePrompts.CharacterProfile, view.Language, new ProfileFields
        {
            Language = view.Language,
            Name = c.Name,
            WorldTitle = view.WorldTitle,
            Premise = view.Premise,
            Description = c.Description,
            Background = c.Background,
            BigFive = c.Personality.BigFive is { } five
                ? new BigFiveFields(five.Openness, five.Conscientiousness, five.Extraversion, five.Agreeableness, five.Neuroticism)
                : null,
            Traits = Filled(c.Personality.Traits),
            SpeechStyle = c.Speech.Style,
            SpeechExamples = Filled(c.Speech.Examples),
            Catchphrases = Filled(c.Speech.Catchphrases),
            ShortTermGoals = Filled(c.Goals.ShortTerm),
            LongTermGoals = Filled(c.Goals.LongTerm),
            Relationships = [.. c.Relationships.Select(r => new RelationshipFields(view.KnownNames.GetValueOrDefault(r.With, r.With), r.With, r.Stance, r.Note))],
            Knowledge = Filled(c.Knowledge),
            Secrets = Filled(c.Secrets.Select(s => s.Text)),
        });
    }

    /// <summary>Where the character is and what it remembers: changes every call.</summary>
    public static string Situation(PromptSet prompts, CharacterView view, int memories, int recent)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(view);
        var scene = view.Scene;
        var here = view.Here;
        var self = view.Self;
        var beliefs = self.Beliefs;
        var all = MemoryStream(view);
        var latest = all.TakeLast(recent).ToList();
        var older = all.Take(all.Count - latest.Count).ToList();
        var situation = string.Join(" ", latest.Select(o => o.Text)) + " " + scene.Event;
        var believes = beliefs.Belief.Length + beliefs.Desire.Length + beliefs.Intention.Length > 0;
        return prompts.Render(EnginePrompts.CharacterSituation, view.Language, new SituationFields
        {
            Scene = new SceneFields(scene.Title, scene.Event, scene.Round, scene.Time, scene.Environment),
            Location = new PlaceFields(here.Location.Name, here.Location.Description),
            Exits = Filled(here.Exits),
            Items = [.. here.Items.Select(i => new ThingFields(i.Name, i.Id))],
            People = [.. here.People.Select(p => new PersonFields(p.Name, p.Id, p.Description, p.Position, p.Condition, p.Emotion))],
            Inventory = [.. view.Inventory.Select(i => new ThingFields(i.Name, i.Id))],
            Position = self.Position,
            Condition = self.Condition,
            Emotion = self.Emotion,
            Belief = beliefs.Belief,
            Desire = beliefs.Desire,
            Intention = beliefs.Intention,
            // Views of others are shown with the beliefs they belong to, never alone.
            Others = believes ? [.. beliefs.Others.Where(o => o.Value.Length > 0).Select(o => new OpinionFields(view.KnownNames.GetValueOrDefault(o.Key, o.Key), o.Value))] : [],
            Lore = Filled(view.Lore.Select(l => l.Text)),
            Remembered = Filled(MemoryRetrieval.Recall(older, situation, view.Time, memories).Select(o => o.Text)),
            Latest = Filled(latest.Select(o => o.Text)),
            Direction = view.Direction ?? "",
        });
    }

    /// <summary>Observations and reflections, oldest first.</summary>
    private static List<Observation> MemoryStream(CharacterView view) =>
        [.. view.Observations
            .Concat(view.Self.Memories.Select(m => new Observation(-1, m.Time, 0, m.Text, m.Importance)))
            .OrderBy(o => o.Time.TotalMinutes).ThenBy(o => o.Step)];

    private static string[] Filled(IEnumerable<string> lines) => [.. lines.Where(l => l.Length > 0)];
}

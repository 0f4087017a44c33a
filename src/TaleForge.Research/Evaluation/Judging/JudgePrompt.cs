using System.Text;
using TaleForge.Core.Definitions;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// The judge's prompts. The rubric and procedure come first and never change, so a backend with a prefix cache
/// evaluates them once for every verdict; the scene and the performance come last.
/// </summary>
internal static class JudgePrompt
{
    public static string CharacterSystem { get; } = BuildCharacterSystem();

    public static string NarratorSystem { get; } = BuildNarratorSystem();

    private static string BuildCharacterSystem()
    {
        var text = new StringBuilder();
        text.Append("You judge role-play. A character in a text-based story world was played by an actor; you are shown the scene, ")
            .Append("who the character is, and, round by round, what the character perceived (Observation) and then what it did ")
            .Append("and said (Action). Judge only the Actions, against the character and what it had perceived.\n\n")
            .Append("First write a critique that touches each of these aspects in turn: ").Append(string.Join(", ", CharacterDimensions.CritiqueAspects)).Append(". ")
            .Append("Be specific and brief, quoting the actions where it helps.\n")
            .Append("Then score each metric from 1 to 5 using the rubric. 2 and 4 lie between the anchors. Judge strictly: ")
            .Append("give 5 only when the description at 5 holds throughout.\n\nRubric:\n");
        foreach (var dimension in CharacterDimensions.All)
        {
            text.Append(dimension.Rubric).Append('\n');
        }
        return text.ToString();
    }

    private static string BuildNarratorSystem()
    {
        var text = new StringBuilder();
        text.Append("You judge the narrator of a text-based story. You are shown a scene and everything that happened in it, in ")
            .Append("order; the lines marked [NARRATOR] are the narrator's own: its accounts of what came of the characters' ")
            .Append("actions, its changes to people and surroundings, and its summaries. Judge only those lines, by Grice's maxims.\n\n")
            .Append("First write a critique of the narrator's lines, then score each maxim from 1 to 5 using the rubric. 2 and 4 lie ")
            .Append("between the anchors.\n\nRubric:\n");
        foreach (var maxim in NarratorMaxims.All)
        {
            text.Append(maxim.Rubric).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The scene as CharacterBox gives it: event, time, location, description.</summary>
    public static string Scene(WorldDefinition world, PlayedScene scene)
    {
        var definition = scene.Definition(world);
        var first = scene.Events.Length > 0 ? scene.Events[0].After : null;
        var text = new StringBuilder();
        text.Append("Story: ").Append(world.Info.Title).Append('\n');
        text.Append("Scene: ").Append(definition?.Title is { Length: > 0 } title ? title : scene.Id).Append('\n');
        if (definition?.Event is { Length: > 0 } happening)
        {
            text.Append("Event: ").Append(happening).Append('\n');
        }
        var time = definition?.Time is { Length: > 0 } t ? t : first?.Scene?.Time ?? "";
        if (time.Length > 0)
        {
            text.Append("Time: ").Append(time).Append('\n');
        }
        if (definition is not null && world.FindLocation(definition.Location) is { } location)
        {
            text.Append("Location: ").Append(location.Name).Append('\n');
        }
        if (definition?.Description is { Length: > 0 } description)
        {
            text.Append("Description: ").Append(description).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// The character as the judge sees it: name and description (all CharacterBox's judge had), and the authored
    /// profile, so knowledge and manner can be checked against what the author wrote.
    /// </summary>
    public static string Character(CharacterDefinition c)
    {
        var text = new StringBuilder();
        text.Append("Character: ").Append(c.Name).Append('\n');
        if (c.Description.Length > 0)
        {
            text.Append("Description: ").Append(c.Description).Append('\n');
        }
        if (c.Background.Length > 0)
        {
            text.Append("Background: ").Append(c.Background).Append('\n');
        }
        if (c.Personality.Traits.Length > 0)
        {
            text.Append("Traits: ").Append(string.Join(", ", c.Personality.Traits)).Append('\n');
        }
        if (c.Speech.Style.Length > 0)
        {
            text.Append("Speech: ").Append(c.Speech.Style).Append('\n');
        }
        if (c.Speech.Catchphrases.Length > 0)
        {
            text.Append("Catchphrases: ").Append(string.Join(" / ", c.Speech.Catchphrases.Select(p => $"\"{p}\""))).Append('\n');
        }
        if (c.Knowledge.Length > 0)
        {
            text.Append("Knows: ").Append(string.Join(" ", c.Knowledge)).Append('\n');
        }
        if (c.Secrets.Length > 0)
        {
            text.Append("Hides (should not reveal): ").Append(string.Join(" ", c.Secrets.Select(s => s.Text))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Observation/Action pairs by round; each line cut to <paramref name="lineLength"/> characters.</summary>
    public static string Performance(IEnumerable<Exchange> exchanges, int lineLength)
    {
        var text = new StringBuilder();
        foreach (var round in exchanges.GroupBy(x => x.Round))
        {
            text.Append("Round ").Append(round.Key).Append(":\n");
            foreach (var exchange in round)
            {
                text.Append("  Observation: ").Append(exchange.Observation.IsEmpty ? "(nothing new)" : Join(exchange.Observation, lineLength)).Append('\n');
                text.Append("  Action: ").Append(Join(exchange.Action, lineLength)).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string CharacterTask(string name) =>
        $"Write the critique of {name}'s performance over the ten aspects, then the seven scores.";

    public static string NarratorTask =>
        "Write the critique of the [NARRATOR] lines, then the four scores.";

    public static string Cut(string line, int length) => line.Length <= length ? line : line[..(length - 1)] + "…";

    private static string Join(IEnumerable<string> lines, int length) => string.Join(" ", lines.Select(l => Cut(l, length)));
}

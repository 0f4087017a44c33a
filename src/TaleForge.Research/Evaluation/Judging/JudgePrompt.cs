using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// The judge's prompts. The rubric and procedure come first and never change, so a backend with a prefix cache
/// evaluates them once for every verdict; the scene and the performance come last. The wording is the prompt
/// set's; this class gathers what the judge is shown, each line cut to the length that fits.
/// </summary>
internal static class JudgePrompt
{
    public static string CharacterSystem(PromptSet prompts, string language) =>
        prompts.Render(ResearchPrompts.CharacterJudgeSystem, language,
            new CharacterJudgeSystemFields(CharacterDimensions.CritiqueAspects, [.. CharacterDimensions.All.Select(Fields)]));

    public static string NarratorSystem(PromptSet prompts, string language) =>
        prompts.Render(ResearchPrompts.NarratorJudgeSystem, language, new NarratorJudgeSystemFields([.. NarratorMaxims.All.Select(Fields)]));

    public static DimensionFields Fields(Dimension d) => new(d.Key, d.Name, d.Measures, d.Low, d.Middle, d.High);

    public static CallTypeFields Fields(NarratorCallType type) => new(type.Key, type.Name, type.Task);

    /// <summary>The scene as CharacterBox gives it: event, time, location, description.</summary>
    public static JudgedSceneFields Scene(WorldDefinition world, PlayedScene scene)
    {
        var definition = scene.Definition(world);
        var first = scene.Events.Length > 0 ? scene.Events[0].After : null;
        var time = definition?.Time is { Length: > 0 } t ? t : first?.Scene?.Time ?? "";
        return new JudgedSceneFields(
            world.Info.Title,
            definition?.Title is { Length: > 0 } title ? title : scene.Id,
            definition?.Event ?? "",
            time,
            definition is not null && world.FindLocation(definition.Location) is { } location ? location.Name : "",
            definition?.Description ?? "");
    }

    /// <summary>
    /// The character as the judge sees it: name and description (all CharacterBox's judge had), and the authored
    /// profile, so knowledge and manner can be checked against what the author wrote.
    /// </summary>
    public static JudgedCharacterFields Character(CharacterDefinition c) => new(
        c.Name, c.Description, c.Background, Filled(c.Personality.Traits), c.Speech.Style,
        Filled(c.Speech.Catchphrases), Filled(c.Knowledge), Filled(c.Secrets.Select(s => s.Text)));

    /// <summary>Observation/Action pairs by round; each line cut to <paramref name="lineLength"/> characters.</summary>
    public static IReadOnlyList<JudgedRoundFields> Performance(IEnumerable<Exchange> exchanges, int lineLength) =>
        [.. exchanges.GroupBy(x => x.Round).Select(round => new JudgedRoundFields(round.Key,
            [.. round.Select(x => new ExchangeFields(Join(x.Observation, lineLength), Join(x.Action, lineLength)))]))];

    public static string Cut(string line, int length) => line.Length <= length ? line : line[..(length - 1)] + "…";

    private static string Join(IEnumerable<string> lines, int length) => string.Join(" ", lines.Select(l => Cut(l, length)));

    private static string[] Filled(IEnumerable<string> lines) => [.. lines.Where(l => l.Length > 0)];
}

using System.Text.Json.Nodes;
using TaleForge.Engine.Agents.Prompts;

namespace TaleForge.Engine.Agents.Candidates;

/// <summary>
/// What a judge is told when it picks one of a character's candidate turns: the character's own prompt (profile,
/// situation, the question it answered), then every usable candidate by number. The judge sees exactly what the
/// character saw, so it can weigh fidelity to the character and to what it knows, not only style.
/// </summary>
internal static class CandidatePickPrompt
{
    public static string System(PromptSet prompts, string language) =>
        prompts.Render(EnginePrompts.CandidatePickSystem, language, new CandidatePickSystemFields(language));

    /// <param name="asked">The character's prompt, as its candidates were asked it; null leaves it out (too long to fit).</param>
    /// <param name="candidates">Each usable candidate: its number as listed and its parsed reply.</param>
    public static string Task(PromptSet prompts, string language, IReadOnlyList<PromptMessage>? asked, IReadOnlyList<(int Number, JsonNode? Parsed)> candidates) =>
        prompts.Render(EnginePrompts.CandidatePick, language, new CandidatePickFields(
            asked is null ? [] : [.. asked.Select(m => m.Text)],
            [.. candidates.Select(c => new CandidateFields(c.Number, Describe(c.Parsed)))]));

    /// <summary>A candidate's fields in one line, in the order the character gave them.</summary>
    private static string Describe(JsonNode? parsed) =>
        parsed is JsonObject fields
            ? string.Join("; ", fields.Where(f => f.Value is JsonValue v && v.ToString().Length > 0).Select(f => $"{f.Key}: {f.Value}"))
            : "";
}

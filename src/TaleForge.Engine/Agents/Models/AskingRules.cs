namespace TaleForge.Engine.Agents.Models;

/// <summary>
/// How the model agents put their questions. TaleForge asks a turn in one call with bounded fields, lets a
/// reaction speak and lets the narrator name several affected characters; CharacterBox's code asks an action, then
/// a line given it, caps replies only by the model's token budget, keeps reactions silent and names one target per
/// action (docs/characterbox.md, rows 5, 6, 9 and 10).
/// </summary>
public sealed record AskingRules
{
    public static AskingRules TaleForge { get; } = new();

    public static AskingRules CharacterBox { get; } = new()
    {
        ActionThenDialogue = true,
        LengthCaps = false,
        ReactionsSpeak = false,
        OneTarget = true,
    };

    /// <summary>A turn is two calls: one physical action, then one line of dialogue given that action.</summary>
    public bool ActionThenDialogue { get; init; }

    /// <summary>Texts in replies keep our per-field length caps; without them the caps grow to fill the model's reply budget.</summary>
    public bool LengthCaps { get; init; } = true;

    /// <summary>A reaction may say something; otherwise it is a visible reaction only.</summary>
    public bool ReactionsSpeak { get; init; } = true;

    /// <summary>The narrator names at most one character an action affects (CharacterBox's <c>actor;;target;;impact</c>).</summary>
    public bool OneTarget { get; init; }

    /// <summary>The wording of every question: the built-in templates, or a researcher's (<c>--prompts DIR</c>).</summary>
    public Prompts.PromptSet Prompts { get; init; } = Agents.Prompts.PromptSet.BuiltIn;

    /// <summary>
    /// The schema a call sends under these rules: as given, or with its text caps raised to the reply budget a
    /// model of this context gets (a quarter of the context in characters, as for a schema with no bound at all).
    /// </summary>
    internal System.Text.Json.JsonElement? Schema<T>(System.Text.Json.JsonElement? narrowed, int contextTokens) =>
        LengthCaps ? narrowed : Inference.Structured.SchemaNarrowing.WithLengthBudget(narrowed ?? Inference.Structured.TypedJson.SchemaFor<T>(), Math.Max(1, contextTokens / 4));
}

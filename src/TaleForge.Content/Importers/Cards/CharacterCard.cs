using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// A character card as read, of any version: the fields TaleForge maps, the lorebook, and every other field of the
/// card's data in order (<see cref="Kept"/>), so that nothing is lost on the way back out.
/// </summary>
public sealed record CharacterCard
{
    public const string V2Spec = "chara_card_v2";
    public const string V3Spec = "chara_card_v3";

    /// <summary>chara_card_v3, chara_card_v2, or empty for a V1 card (no spec, fields at the top level).</summary>
    public required string Spec { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Personality { get; init; } = "";
    public string Scenario { get; init; } = "";
    public string FirstMessage { get; init; } = "";
    public string ExampleMessages { get; init; } = "";
    public ImmutableArray<string> AlternateGreetings { get; init; } = [];

    /// <summary>V3: the name <c>{{char}}</c> stands for, when it differs from <see cref="Name"/>.</summary>
    public string Nickname { get; init; } = "";

    public JsonObject? Book { get; init; }

    /// <summary>Every other field of the card's data, as written (system prompt, tags, creator notes, extensions, ...).</summary>
    public JsonObject Kept { get; init; } = [];

    /// <summary>Fields of the card's data that TaleForge maps to its own; everything else goes to <see cref="Kept"/>.</summary>
    public static ImmutableArray<string> MappedFields { get; } =
        ["name", "description", "personality", "scenario", "first_mes", "mes_example", "alternate_greetings", "character_book"];
}

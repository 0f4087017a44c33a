using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Cards;

/// <summary>A card as TaleForge sees it: the character, the scenario and greeting its scene opens with, and its lore.</summary>
public sealed record ImportedCard
{
    public required string File { get; init; }
    public required CardContainer Container { get; init; }
    public required CharacterCard Card { get; init; }
    public required CharacterDefinition Character { get; init; }

    /// <summary>The card's scenario, names resolved: the description of the character's scene.</summary>
    public string Scenario { get; init; } = "";

    /// <summary>The first message, names resolved: the character's opening beat.</summary>
    public string Greeting { get; init; } = "";

    public LoreImport Lore { get; init; } = new();

    /// <summary>The card's version as people say it: V1, V2 or V3.</summary>
    public string Version => Card.Spec switch
    {
        CharacterCard.V3Spec => "V3",
        CharacterCard.V2Spec => "V2",
        _ => "V1",
    };
}

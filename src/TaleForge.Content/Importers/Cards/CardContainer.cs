namespace TaleForge.Content.Importers.Cards;

/// <summary>How a card file is packed.</summary>
public enum CardContainer
{
    Json,
    Png,
    Charx,
}

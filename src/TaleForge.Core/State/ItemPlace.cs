namespace TaleForge.Core.State;

/// <summary>Where an item is: lying at a location or carried by a character, never both.</summary>
public readonly record struct ItemPlace
{
    private ItemPlace(string? location, string? holder)
    {
        Location = location;
        Holder = holder;
    }

    public string? Location { get; }
    public string? Holder { get; }

    public static ItemPlace At(string location) => new(location, null);
    public static ItemPlace CarriedBy(string character) => new(null, character);

    /// <summary>Not yet placed: the item exists but is nowhere in play.</summary>
    public static ItemPlace Nowhere => default;

    public override string ToString() => Holder is not null ? $"carried by {Holder}" : Location is not null ? $"at {Location}" : "nowhere";
}

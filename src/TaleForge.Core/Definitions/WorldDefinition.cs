using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>
/// Everything a world author wrote, as immutable data. Runtime state (who is where, what happened)
/// is never part of it: that lives in <c>WorldState</c>, folded from events.
/// </summary>
public sealed record WorldDefinition
{
    public required WorldInfo Info { get; init; }
    public ImmutableArray<LocationDefinition> Locations { get; init; } = [];
    public ImmutableArray<ItemDefinition> Items { get; init; } = [];
    public ImmutableArray<CharacterDefinition> Characters { get; init; } = [];
    public ImmutableArray<SceneDefinition> Scenes { get; init; } = [];
    public ImmutableArray<LoreEntry> Lore { get; init; } = [];

    private Lookups? _lookups;
    private Lookups Index => _lookups ??= new Lookups(this);

    public LocationDefinition? FindLocation(string id) => Index.Locations.GetValueOrDefault(id);
    public ItemDefinition? FindItem(string id) => Index.Items.GetValueOrDefault(id);
    public CharacterDefinition? FindCharacter(string id) => Index.Characters.GetValueOrDefault(id);
    public SceneDefinition? FindScene(string id) => Index.Scenes.GetValueOrDefault(id);

    public LocationDefinition Location(string id) =>
        FindLocation(id) ?? throw new KeyNotFoundException($"World '{Info.Id}' has no location '{id}'.");
    public ItemDefinition Item(string id) =>
        FindItem(id) ?? throw new KeyNotFoundException($"World '{Info.Id}' has no item '{id}'.");
    public CharacterDefinition Character(string id) =>
        FindCharacter(id) ?? throw new KeyNotFoundException($"World '{Info.Id}' has no character '{id}'.");
    public SceneDefinition Scene(string id) =>
        FindScene(id) ?? throw new KeyNotFoundException($"World '{Info.Id}' has no scene '{id}'.");

    // Built on first use; a record copy made with `with` starts without it, so it never goes stale.
    private sealed class Lookups(WorldDefinition world)
    {
        public FrozenDictionary<string, LocationDefinition> Locations { get; } = ById(world.Locations, l => l.Id);
        public FrozenDictionary<string, ItemDefinition> Items { get; } = ById(world.Items, i => i.Id);
        public FrozenDictionary<string, CharacterDefinition> Characters { get; } = ById(world.Characters, c => c.Id);
        public FrozenDictionary<string, SceneDefinition> Scenes { get; } = ById(world.Scenes, s => s.Id);

        // Duplicates are a lint error; here the first definition wins so lookups never throw.
        private static FrozenDictionary<string, T> ById<T>(ImmutableArray<T> items, Func<T, string> id)
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                map.TryAdd(id(item), item);
            }
            return map.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    public bool Equals(WorldDefinition? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

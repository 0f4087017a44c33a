using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>
/// A condition over world state, written by authors for exits, scene ends, triggers, transitions and
/// authored lines. In YAML each is a one-key mapping: <c>{flag: x}</c>, <c>{holds: {character: c, item: i}}</c>,
/// <c>{at: {character: c, location: l}}</c>, <c>{item_at: {item: i, location: l}}</c>, <c>{carrying: i}</c>,
/// <c>{round: n}</c>, <c>{all: [...]}</c>, <c>{any: [...]}</c>, <c>{not: ...}</c>.
/// </summary>
public abstract record Predicate
{
    private Predicate() { }

    /// <summary>The flag is set.</summary>
    public sealed record Flag(string Name) : Predicate;

    /// <summary>The character carries the item.</summary>
    public sealed record Holds(string Character, string Item) : Predicate;

    /// <summary>The character is at the location.</summary>
    public sealed record At(string Character, string Location) : Predicate;

    /// <summary>The item lies at the location (not carried).</summary>
    public sealed record ItemAt(string Item, string Location) : Predicate;

    /// <summary>
    /// The character the condition is about carries the item: the one moving (exits), speaking (authored
    /// lines) or reacting; where there is no such character (scene ends, triggers), anyone present.
    /// </summary>
    public sealed record Carrying(string Item) : Predicate;

    /// <summary>The current scene has reached this round (1-based).</summary>
    public sealed record RoundAtLeast(int Round) : Predicate;

    public sealed record All(ImmutableArray<Predicate> Terms) : Predicate
    {
        public bool Equals(All? other) => other is not null && Terms.SequenceEqual(other.Terms);
        public override int GetHashCode() => Terms.Length;
    }

    public sealed record Any(ImmutableArray<Predicate> Terms) : Predicate
    {
        public bool Equals(Any? other) => other is not null && Terms.SequenceEqual(other.Terms);
        public override int GetHashCode() => Terms.Length;
    }

    public sealed record Not(Predicate Term) : Predicate;

    /// <summary>Every predicate in this tree, this one first.</summary>
    public IEnumerable<Predicate> Walk()
    {
        yield return this;
        var children = this switch
        {
            All all => all.Terms.AsEnumerable(),
            Any any => any.Terms,
            Not not => [not.Term],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in child.Walk())
            {
                yield return descendant;
            }
        }
    }
}

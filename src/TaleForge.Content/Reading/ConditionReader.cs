using System.Collections.Immutable;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

/// <summary>Reads conditions (<c>{flag: x}</c>, <c>{all: [...]}</c>, …) and acts (<c>{go: hall}</c>, <c>{give: {...}}</c>).</summary>
internal static class ConditionReader
{
    /// <summary>The condition under <paramref name="key"/> of <paramref name="owner"/>, or null when absent or unreadable.</summary>
    public static Predicate? Read(MappingReader owner, string key) =>
        owner.Value(key) is { } node ? Read(node, owner.Path.Field(key), owner.Context, key) : null;

    public static Predicate? Read(Node node, SourcePath path, ReadContext context, string? key = null)
    {
        var m = MappingReader.Open(node, WorldFormat.Condition, path, context, key);
        if (m is null)
        {
            return null;
        }
        // A one-key mapping: the first recognised key decides (a second one was reported on opening).
        if (m.Has("flag"))
        {
            return m.Text("flag") is { } flag ? new Predicate.Flag(flag) : null;
        }
        if (m.Has("carrying"))
        {
            return m.Text("carrying") is { } item ? new Predicate.Carrying(item) : null;
        }
        if (m.Has("round"))
        {
            return m.Integer("round") is { } round ? new Predicate.RoundAtLeast(round) : null;
        }
        if (m.Mapping("holds") is { } holds)
        {
            return Pair(holds, "character", "item", (c, i) => new Predicate.Holds(c, i));
        }
        if (m.Mapping("at") is { } at)
        {
            return Pair(at, "character", "location", (c, l) => new Predicate.At(c, l));
        }
        if (m.Mapping("item_at") is { } itemAt)
        {
            return Pair(itemAt, "item", "location", (i, l) => new Predicate.ItemAt(i, l));
        }
        if (m.Has("all"))
        {
            return Terms(m, "all") is { } all ? new Predicate.All(all) : null;
        }
        if (m.Has("any"))
        {
            return Terms(m, "any") is { } any ? new Predicate.Any(any) : null;
        }
        if (m.Value("not") is { } inner)
        {
            return Read(inner, m.Path.Field("not"), context, "not") is { } term ? new Predicate.Not(term) : null;
        }
        return null;
    }

    private static Predicate? Pair(MappingReader m, string first, string second, Func<string, string, Predicate> make) =>
        m.Text(first) is { } a && m.Text(second) is { } b ? make(a, b) : null;

    private static ImmutableArray<Predicate>? Terms(MappingReader m, string key)
    {
        var terms = ImmutableArray.CreateBuilder<Predicate>();
        var complete = true;
        foreach (var (node, path) in m.Items(key))
        {
            if (Read(node, path, m.Context) is { } term)
            {
                terms.Add(term);
            }
            else
            {
                complete = false;
            }
        }
        if (terms.Count == 0 && complete)
        {
            m.Context.Diagnostics.Error(m.PositionOf(key), Diagnostics.DiagnosticCodes.MissingField,
                $"'{key}' has no conditions", $"list at least one condition: {key}: [{{flag: a}}, {{flag: b}}]");
            return null;
        }
        return complete ? terms.ToImmutable() : null;
    }

    /// <summary>The act under <paramref name="key"/> of <paramref name="owner"/>, or null.</summary>
    public static AuthoredAct? ReadAct(MappingReader owner, string key)
    {
        var m = owner.Mapping(key);
        if (m is null)
        {
            return null;
        }
        if (m.Has("go"))
        {
            return m.Text("go") is { } location ? new AuthoredAct.Go(location) : null;
        }
        if (m.Has("take"))
        {
            return m.Text("take") is { } item ? new AuthoredAct.Take(item) : null;
        }
        if (m.Has("drop"))
        {
            return m.Text("drop") is { } item ? new AuthoredAct.Drop(item) : null;
        }
        if (m.Mapping("give") is { } give)
        {
            return give.Text("item") is { } item && give.Text("to") is { } to ? new AuthoredAct.Give(item, to) : null;
        }
        return null;
    }
}

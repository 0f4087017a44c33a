using System.Collections.Immutable;

namespace TaleForge.Content.Format;

/// <summary>
/// A mapping in the format: its keys (<see cref="Fields"/>), or, when <see cref="ExactlyOne"/>, a one-key
/// mapping whose key picks the kind (<c>{flag: x}</c>, <c>{go: hall}</c>).
/// </summary>
public sealed record ObjectShape(string Name, string Noun, string Description, ImmutableArray<Field> Fields)
{
    public bool ExactlyOne { get; init; }

    public Field? Find(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Name == key)
            {
                return field;
            }
        }
        return null;
    }

    public Field Get(string key) =>
        Find(key) ?? throw new InvalidOperationException($"The format's '{Name}' has no key '{key}'.");
}

/// <summary>One key of a mapping. <see cref="Default"/> is what an absent key means, as YAML; <see cref="Refers"/> names the kind of id it holds.</summary>
public sealed record Field(string Name, Shape Shape, string Description)
{
    public bool Required { get; init; }
    public string? Default { get; init; }
    public string? Refers { get; init; }
}

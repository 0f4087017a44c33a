using System.Collections.Immutable;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>Builds the <c>extensions: characterbox:</c> data that keeps what the world format has no key for.</summary>
internal sealed class ExtensionData
{
    public const string Key = "characterbox";

    private readonly List<KeyValuePair<string, object?>> _entries = [];

    /// <summary>Adds text; absent values are left out rather than written as null.</summary>
    public ExtensionData Add(string key, string? value)
    {
        if (value is not null)
        {
            _entries.Add(new(key, value));
        }
        return this;
    }

    public ExtensionData Add(string key, ExtensionData? value)
    {
        if (value is not null)
        {
            _entries.Add(new(key, value.Build()));
        }
        return this;
    }

    public ExtensionData Add(string key, IEnumerable<ExtensionData> items)
    {
        var list = items.Select(i => (object?)i.Build()).ToImmutableArray();
        if (!list.IsEmpty)
        {
            _entries.Add(new(key, list));
        }
        return this;
    }

    public Extensions Build() => new(_entries);

    /// <summary>The whole of an entity's extensions: this data under the <c>characterbox</c> key.</summary>
    public Extensions UnderKey() => new([new(Key, Build())]);
}

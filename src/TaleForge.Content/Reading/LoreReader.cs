using System.Collections.Immutable;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class LoreReader
{
    public static LoreEntry? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Lore, "lore", "lore entries", (m, id) => new LoreEntry
        {
            Id = id,
            Keys = ReadKeys(m),
            Text = m.Text("text", ""),
            Always = m.Boolean("always") ?? false,
            Priority = m.Integer("priority") ?? 0,
            Extensions = ExtensionsReader.Read(m),
        });

    private static ImmutableArray<LoreKey> ReadKeys(MappingReader m)
    {
        var keys = ImmutableArray.CreateBuilder<LoreKey>();
        var written = m.Texts("keys");
        for (var i = 0; i < written.Length; i++)
        {
            if (LoreKey.TryParse(written[i], out var key, out var error))
            {
                keys.Add(key!);
                continue;
            }
            var at = m.Context.Map.Find(m.Path.Field("keys").Index(i)) ?? m.Start;
            m.Context.Diagnostics.Error(at, DiagnosticCodes.InvalidRegex,
                written[i].StartsWith('/') ? $"the lore key {written[i]} is not a valid regular expression: {error}" : $"a lore key is empty",
                written[i].StartsWith('/') ? "fix the expression (.NET syntax), or remove the slashes to match the words literally" : "remove the empty key");
        }
        if (written.IsEmpty && m.Boolean("always") != true)
        {
            m.Context.Diagnostics.Error(m.Start, DiagnosticCodes.MissingField,
                $"lore entry '{m.Path.Value["lore:".Length..]}' has no keys and is not 'always: true', so it can never be used",
                "add 'keys: [word, /regular expression/]', or 'always: true'");
        }
        return keys.ToImmutable();
    }
}

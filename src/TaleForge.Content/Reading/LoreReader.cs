using System.Collections.Immutable;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class LoreReader
{
    private static readonly LoreEntry Defaults = new() { Id = "l", Text = "t" };

    public static LoreEntry? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Lore, "lore", "lore entries", (m, id) =>
        {
            var caseSensitive = m.Boolean("case_sensitive") ?? false;
            var wholeWords = m.Boolean("whole_words") ?? true;
            return new LoreEntry
            {
                Id = id,
                Keys = ReadKeys(m, "keys", caseSensitive, wholeWords),
                SecondaryKeys = ReadKeys(m, "secondary_keys", caseSensitive, wholeWords),
                Logic = LoreLogicWords.Parse(m.Text("logic")) ?? Defaults.Logic,
                Text = m.Text("text", ""),
                Always = m.Boolean("always") ?? false,
                Priority = m.Integer("priority") ?? 0,
                Enabled = m.Boolean("enabled") ?? Defaults.Enabled,
                When = ConditionReader.Read(m, "when"),
                Probability = m.Integer("probability") ?? Defaults.Probability,
                ScanDepth = m.Integer("scan_depth"),
                Extensions = ExtensionsReader.Read(m),
            };
        });

    public static LoreSettings ReadSettings(MappingReader m)
    {
        var defaults = new LoreSettings();
        return new LoreSettings
        {
            ScanDepth = m.Integer("scan_depth") ?? defaults.ScanDepth,
            TokenBudget = m.Integer("token_budget") ?? defaults.TokenBudget,
            RecursionDepth = m.Integer("recursion_depth") ?? defaults.RecursionDepth,
        };
    }

    private static ImmutableArray<LoreKey> ReadKeys(MappingReader m, string field, bool caseSensitive, bool wholeWords)
    {
        var keys = ImmutableArray.CreateBuilder<LoreKey>();
        var written = m.Texts(field);
        for (var i = 0; i < written.Length; i++)
        {
            if (LoreKey.TryParse(written[i], caseSensitive, wholeWords, out var key, out var error))
            {
                keys.Add(key!);
                continue;
            }
            var at = m.Context.Map.Find(m.Path.Field(field).Index(i)) ?? m.Start;
            m.Context.Diagnostics.Error(at, DiagnosticCodes.InvalidRegex,
                written[i].StartsWith('/') ? $"the lore key {written[i]} is not a valid regular expression: {error}" : $"a lore key is empty",
                written[i].StartsWith('/') ? "fix the expression (.NET syntax), or remove the slashes to match the words literally" : "remove the empty key");
        }
        if (field == "keys" && written.IsEmpty && m.Boolean("always") != true)
        {
            m.Context.Diagnostics.Error(m.Start, DiagnosticCodes.MissingField,
                $"lore entry '{m.Path.Value["lore:".Length..]}' has no keys and is not 'always: true', so it can never be used",
                "add 'keys: [word, /regular expression/]', or 'always: true'");
        }
        return keys.ToImmutable();
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Content.Importers.Cards;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Lorebooks;

/// <summary>
/// One entry of a card's <c>character_book</c> to a lore entry and back. Keys, secondary keys and their logic,
/// constant, enabled, order, case sensitivity, whole words, probability and scan depth become TaleForge's own;
/// everything else (position, name, comment, group, sticky, decorators, ...) is kept under
/// <c>extensions: lorebook:</c> and written back as it was.
/// </summary>
public static class BookEntryMapping
{
    public const string ExtensionKey = "lorebook";

    // SillyTavern's own entry settings, which it writes under the entry's extensions; TaleForge honours these.
    private static readonly string[] Honoured = ["selectiveLogic", "probability", "useProbability", "scan_depth", "match_whole_words", "case_sensitive"];
    private static readonly string[] Mapped = ["keys", "secondary_keys", "content", "enabled", "insertion_order", "case_sensitive", "selective", "constant", "use_regex"];

    /// <summary>The lore entry, or null (with a note) for an entry that could never be included.</summary>
    public static LoreEntry? ToLore(JsonObject entry, string id, Placeholders names, ICollection<string> notes, ISet<string> unused)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var label = Label(entry, id);
        var st = entry["extensions"] as JsonObject ?? [];
        var caseSensitive = Bool(entry["case_sensitive"]) ?? Bool(st["case_sensitive"]) ?? false;
        var wholeWords = Bool(st["match_whole_words"]) ?? true;
        var useRegex = Bool(entry["use_regex"]) ?? false;
        var unusable = new List<string>();
        var keys = Keys(entry["keys"], useRegex, caseSensitive, wholeWords, unusable);
        var selective = Bool(entry["selective"]) ?? false;
        var secondary = selective ? Keys(entry["secondary_keys"], useRegex, caseSensitive, wholeWords, unusable) : [];
        var constant = Bool(entry["constant"]) ?? false;
        var (decorators, content) = Decorators(Text(entry["content"]));
        if (content.Trim().Length == 0)
        {
            notes.Add($"lore entry {label} has no content and was left out");
            return null;
        }
        if (keys.IsEmpty && !constant)
        {
            notes.Add($"lore entry {label} has no usable key and is not constant, so it could never be included; it was left out");
            return null;
        }

        var kept = new JsonObject();
        foreach (var (key, value) in entry)
        {
            if (!Mapped.Contains(key) && key != "extensions")
            {
                kept[key] = value?.DeepClone();
            }
        }
        if (!selective && entry["secondary_keys"] is JsonArray { Count: > 0 } ignored)
        {
            kept["secondary_keys"] = ignored.DeepClone();
        }
        var stKept = new JsonObject();
        foreach (var (key, value) in st)
        {
            if (!Honoured.Contains(key))
            {
                stKept[key] = value?.DeepClone();
                if (IsSet(value))
                {
                    unused.Add(key);
                }
            }
        }
        if (stKept.Count > 0)
        {
            kept["extensions"] = stKept;
        }
        if (kept["position"] is JsonValue p && p.ToString() is not "before_char" and not "")
        {
            unused.Add("position");
        }
        if (!decorators.IsEmpty)
        {
            kept["decorators"] = new JsonArray([.. decorators.Select(d => JsonValue.Create(d))]);
            unused.Add("decorators");
        }
        if (unusable.Count > 0)
        {
            kept["unusable_keys"] = new JsonArray([.. unusable.Select(k => JsonValue.Create(k))]);
            notes.Add($"lore entry {label}: {string.Join(", ", unusable)} {(unusable.Count == 1 ? "is not a valid regular expression and is" : "are not valid regular expressions and are")} kept but not used");
        }

        var useProbability = Bool(st["useProbability"]) ?? (st["probability"] is not null);
        var probability = useProbability && Int(st["probability"]) is { } chance ? Math.Clamp(chance, 0, 100) : 100;
        var logic = Int(st["selectiveLogic"]) is { } l && l is >= 0 and < 4 ? l : 0;
        return new LoreEntry
        {
            Id = id,
            Keys = keys,
            SecondaryKeys = secondary,
            Logic = logic switch { 1 => LoreLogic.NotAll, 2 => LoreLogic.NotAny, 3 => LoreLogic.AndAll, _ => LoreLogic.AndAny },
            Text = names.Resolve(content),
            Always = constant,
            Priority = Int(entry["insertion_order"]) ?? 0,
            Enabled = Bool(entry["enabled"]) ?? true,
            Probability = probability,
            ScanDepth = Int(st["scan_depth"]) is { } depth && depth >= 1 ? Math.Min(depth, 1000) : null,
            Extensions = kept.Count == 0 ? Extensions.Empty : new Extensions([KeyValuePair.Create<string, object?>(ExtensionKey, JsonExtensions.ToExtensions(kept))]),
        };
    }

    /// <summary>The entry as a card's <c>character_book</c> holds it (V3 spelling, SillyTavern's settings under extensions).</summary>
    public static JsonObject ToBookEntry(LoreEntry lore, int index)
    {
        ArgumentNullException.ThrowIfNull(lore);
        var kept = lore.Extensions.Get(ExtensionKey) is Extensions e ? JsonExtensions.ToJson(e) : [];
        var allRegex = lore.Keys.Concat(lore.SecondaryKeys).Any() && lore.Keys.Concat(lore.SecondaryKeys).All(k => k.IsRegex);
        string Written(LoreKey k) => allRegex ? k.Pattern : k.ToString();
        var decorators = kept["decorators"] is JsonArray d ? string.Concat(d.Select(x => x + "\n")) : "";
        var entry = new JsonObject
        {
            ["keys"] = new JsonArray([.. lore.Keys.Select(Written).Concat((kept["unusable_keys"] as JsonArray ?? []).Select(Text)).Select(k => JsonValue.Create(k))]),
            ["content"] = decorators + lore.Text,
            ["enabled"] = lore.Enabled,
            ["insertion_order"] = lore.Priority,
            ["case_sensitive"] = lore.Keys.Concat(lore.SecondaryKeys).Any(k => k.CaseSensitive),
            ["use_regex"] = allRegex,
            ["constant"] = lore.Always,
            ["selective"] = !lore.SecondaryKeys.IsEmpty,
            ["secondary_keys"] = lore.SecondaryKeys.IsEmpty && kept["secondary_keys"] is JsonArray ignored
                ? ignored.DeepClone()
                : new JsonArray([.. lore.SecondaryKeys.Select(k => JsonValue.Create(Written(k)))]),
        };
        foreach (var (key, value) in kept)
        {
            if (key is not "extensions" and not "decorators" and not "secondary_keys" and not "unusable_keys")
            {
                entry[key] = value?.DeepClone();
            }
        }
        if (entry["id"] is null)
        {
            entry["id"] = index;
        }
        var st = kept["extensions"] as JsonObject is { } x ? (JsonObject)x.DeepClone() : [];
        st["selectiveLogic"] = lore.Logic switch { LoreLogic.NotAll => 1, LoreLogic.NotAny => 2, LoreLogic.AndAll => 3, _ => 0 };
        st["probability"] = lore.Probability;
        st["useProbability"] = lore.Probability < 100;
        st["scan_depth"] = lore.ScanDepth is { } depth ? JsonValue.Create(depth) : null;
        st["match_whole_words"] = lore.Keys.Concat(lore.SecondaryKeys).All(k => k.WholeWords);
        st["case_sensitive"] = lore.Keys.Concat(lore.SecondaryKeys).Any(k => k.CaseSensitive);
        entry["extensions"] = st;
        return entry;
    }

    private static string Label(JsonObject entry, string id) =>
        Text(entry["name"]) is { Length: > 0 } name ? $"'{name}'" : Text(entry["comment"]) is { Length: > 0 } comment ? $"'{comment}'" : $"'{id}'";

    private static ImmutableArray<LoreKey> Keys(JsonNode? node, bool useRegex, bool caseSensitive, bool wholeWords, List<string> unusable)
    {
        var keys = ImmutableArray.CreateBuilder<LoreKey>();
        foreach (var written in (node as JsonArray ?? []).Select(Text).Where(k => k.Trim().Length > 0))
        {
            var (pattern, isRegex) = useRegex ? (written, true) : SlashRegex(written);
            try
            {
                keys.Add(new LoreKey(isRegex ? pattern : pattern.Trim(), isRegex, caseSensitive, wholeWords));
            }
            catch (ArgumentException)
            {
                unusable.Add(written);
            }
        }
        return keys.ToImmutable();
    }

    // SillyTavern writes a regular expression key as /pattern/flags; the flags are ignored (TaleForge's keys
    // ignore case unless the entry says otherwise).
    private static (string Pattern, bool IsRegex) SlashRegex(string written)
    {
        var end = written.LastIndexOf('/');
        return written.Length > 2 && written[0] == '/' && end > 1 && written[(end + 1)..].All(c => "gimsuy".Contains(c, StringComparison.Ordinal))
            ? (written[1..end], true)
            : (written, false);
    }

    private static (ImmutableArray<string> Decorators, string Content) Decorators(string content)
    {
        var lines = content.Split('\n');
        var count = lines.TakeWhile(l => l.StartsWith("@@", StringComparison.Ordinal)).Count();
        return count == 0 ? ([], content) : ([.. lines.Take(count)], string.Join('\n', lines.Skip(count)));
    }

    private static bool IsSet(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString() is not "0",
        JsonValue v when v.GetValueKind() is JsonValueKind.String => v.GetValue<string>().Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => true,
    };

    internal static string Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    internal static bool? Bool(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
        : null;

    internal static int? Int(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? (int)Math.Clamp(Math.Round(d), int.MinValue, int.MaxValue)
            : null;
}

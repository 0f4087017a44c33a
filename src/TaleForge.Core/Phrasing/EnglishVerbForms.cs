namespace TaleForge.Core.Phrasing;

/// <summary>
/// The base form of the verb a player's free action starts with, whatever form they typed it in: the past of the
/// common irregular verbs ("sat", "went", "took"), the third person ("sits", "washes") and a progressive after
/// am/is/are ("am sitting"). Regular pasts ("walked") are left alone: "-ed" endings ("shed", "feed") are too often
/// part of the word.
/// </summary>
internal static class EnglishVerbForms
{
    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.Ordinal)
    {
        ["sat"] = "sit",
        ["stood"] = "stand",
        ["went"] = "go",
        ["came"] = "come",
        ["took"] = "take",
        ["gave"] = "give",
        ["got"] = "get",
        ["made"] = "make",
        ["saw"] = "see",
        ["said"] = "say",
        ["told"] = "tell",
        ["thought"] = "think",
        ["held"] = "hold",
        ["knelt"] = "kneel",
        ["fell"] = "fall",
        ["felt"] = "feel",
        ["left"] = "leave",
        ["brought"] = "bring",
        ["caught"] = "catch",
        ["hid"] = "hide",
        ["wrote"] = "write",
        ["began"] = "begin",
        ["sang"] = "sing",
        ["swam"] = "swim",
        ["ran"] = "run",
        ["ate"] = "eat",
        ["drank"] = "drink",
        ["threw"] = "throw",
        ["drew"] = "draw",
        ["broke"] = "break",
        ["spoke"] = "speak",
        ["woke"] = "wake",
        ["rang"] = "ring",
        ["struck"] = "strike",
        ["lit"] = "light",
        ["shook"] = "shake",
        ["slept"] = "sleep",
        ["kept"] = "keep",
        ["found"] = "find",
        ["bent"] = "bend",
        ["climbed"] = "climb",
        ["looked"] = "look",
        ["tried"] = "try",
        ["am"] = "be",
        ["are"] = "be",
        ["was"] = "be",
        ["were"] = "be",
        ["did"] = "do",
        ["had"] = "have",
    };

    // Progressives whose base ends in an e that "-ing" dropped ("making"), or that change more ("lying").
    private static readonly Dictionary<string, string> Progressive = new(StringComparer.Ordinal)
    {
        ["lying"] = "lie",
        ["dying"] = "die",
        ["tying"] = "tie",
        ["making"] = "make",
        ["taking"] = "take",
        ["smiling"] = "smile",
        ["closing"] = "close",
        ["moving"] = "move",
        ["coming"] = "come",
        ["leaving"] = "leave",
        ["hiding"] = "hide",
        ["writing"] = "write",
        ["riding"] = "ride",
        ["dancing"] = "dance",
        ["placing"] = "place",
        ["raising"] = "raise",
        ["giving"] = "give",
        ["having"] = "have",
        ["using"] = "use",
        ["wiping"] = "wipe",
        ["shaking"] = "shake",
        ["waving"] = "wave",
        ["staring"] = "stare",
        ["sharing"] = "share",
        ["pouring"] = "pour",
    };

    // Verbs that end in "-ing" of themselves.
    private static readonly HashSet<string> NotProgressive = new(StringComparer.Ordinal)
    {
        "bring", "string", "swing", "sting", "fling", "cling", "wring", "spring", "sling",
    };

    public static string BaseForm(string action)
    {
        var words = action.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
        {
            return action.Trim();
        }
        // "am sitting by the fire", "'m waiting": the progressive names the verb.
        if (words.Count > 1 && words[0].ToLowerInvariant() is "am" or "is" or "are" or "'m" && words[1].EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
            words[0] = FromProgressive(words[0].ToLowerInvariant());
            return string.Join(' ', words);
        }
        var first = words[0].ToLowerInvariant();
        // "I'm sitting by the fire" arrives without its "am".
        if (first.Length > 5 && first.EndsWith("ing", StringComparison.Ordinal) && !NotProgressive.Contains(first))
        {
            words[0] = FromProgressive(first);
        }
        else if (IrregularPast.TryGetValue(first, out var base_))
        {
            words[0] = base_;
        }
        else if (IsThirdPerson(first))
        {
            words[0] = FromThirdPerson(first);
        }
        return string.Join(' ', words);
    }

    private static string FromProgressive(string verb)
    {
        if (Progressive.TryGetValue(verb, out var known))
        {
            return known;
        }
        var stem = verb[..^3];
        // "sitting", "running": the doubled consonant is the spelling of the ending.
        return stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
    }

    /// <summary>"sits", "washes", "carries"; not "press", "focus", "this".</summary>
    public static bool IsThirdPerson(string verb) =>
        verb.Length > 3 && verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal)
        && !verb.EndsWith("us", StringComparison.Ordinal) && !verb.EndsWith("is", StringComparison.Ordinal);

    public static string FromThirdPerson(string verb) => verb switch
    {
        "is" => "be",
        "has" => "have",
        "does" => "do",
        "goes" => "go",
        _ when verb.EndsWith("ies", StringComparison.Ordinal) && verb.Length > 3 => verb[..^3] + "y",
        _ when verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal)
            || verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal)
            || verb.EndsWith("zes", StringComparison.Ordinal) || verb.EndsWith("oes", StringComparison.Ordinal) => verb[..^2],
        _ when verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal) => verb[..^1],
        _ => verb,
    };
}

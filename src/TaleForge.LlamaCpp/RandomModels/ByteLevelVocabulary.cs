namespace TaleForge.LlamaCpp.RandomModels;

/// <summary>
/// A GPT-2 style byte-level BPE vocabulary in which every byte is a token (so any text, and any grammar, can be
/// produced), a few merges of common English pairs, and the ChatML special tokens.
/// </summary>
public sealed class ByteLevelVocabulary
{
    public const string EndOfText = "<|endoftext|>";
    public const string ImStart = "<|im_start|>";
    public const string ImEnd = "<|im_end|>";

    private const int NormalType = 1;
    private const int ControlType = 3;

    private static readonly string[] _pairs =
    [
        "Ġ t", "Ġ a", "Ġ s", "Ġ w", "Ġ o", "Ġ c", "Ġ b", "Ġ f", "Ġ m", "Ġ p", "Ġ h", "Ġ d", "Ġ i", "Ġ l", "Ġ n", "Ġ r", "Ġ g", "Ġ e",
        "h e", "i n", "r e", "o n", "e r", "a n", "a t", "e n", "n d", "o r", "e s", "i s", "i t", "o u", "a r", "e d", "a l", "l e",
        "t h", "s t", "n g", "o f", "t o", "v e", "l l", "o m", "c h", "a s", "e t", "i c", "r o", "l o", "l a", "s e",
        "Ġt he", "Ġa nd", "in g", "Ġt o", "Ġo f", "Ġi n", "Ġt h", "Ġs t", "Ġw h", "Ġb e", "Ġh e", "e nd", "i on", "e nt",
    ];

    private ByteLevelVocabulary(List<string> tokens, List<int> types, List<string> merges)
    {
        Tokens = tokens;
        TokenTypes = types;
        Merges = merges;
    }

    public IReadOnlyList<string> Tokens { get; }
    public IReadOnlyList<int> TokenTypes { get; }
    public IReadOnlyList<string> Merges { get; }

    public int EndOfTextId => IndexOf(EndOfText);
    public int ImStartId => IndexOf(ImStart);
    public int ImEndId => IndexOf(ImEnd);

    /// <summary>Builds the vocabulary, padded with reserved control tokens up to <paramref name="size"/> when given.</summary>
    public static ByteLevelVocabulary Create(int? size = null)
    {
        var tokens = new List<string>();
        var types = new List<int>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in ByteToUnicode())
        {
            tokens.Add(c.ToString());
            types.Add(NormalType);
            known.Add(c.ToString());
        }
        var merges = new List<string>();
        foreach (var pair in _pairs)
        {
            var parts = pair.Split(' ');
            var merged = parts[0] + parts[1];
            if (known.Contains(parts[0]) && known.Contains(parts[1]) && known.Add(merged))
            {
                merges.Add(pair);
                tokens.Add(merged);
                types.Add(NormalType);
            }
        }
        foreach (var special in new[] { EndOfText, ImStart, ImEnd })
        {
            tokens.Add(special);
            types.Add(ControlType);
        }
        for (var i = 0; size is { } target && tokens.Count < target; i++)
        {
            tokens.Add($"<|reserved_special_token_{i}|>");
            types.Add(ControlType);
        }
        return new ByteLevelVocabulary(tokens, types, merges);
    }

    private int IndexOf(string token)
    {
        for (var i = Tokens.Count - 1; i >= 0; i--)
        {
            if (Tokens[i] == token)
            {
                return i;
            }
        }
        throw new KeyNotFoundException(token);
    }

    /// <summary>GPT-2's reversible map from bytes to printable characters, in byte order.</summary>
    private static IEnumerable<char> ByteToUnicode()
    {
        var extra = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255;
            yield return printable ? (char)b : (char)(256 + extra++);
        }
    }
}

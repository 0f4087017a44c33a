using System.Globalization;

namespace TaleForge.Engine.Memory;

/// <summary>
/// Okapi BM25 relevance of short texts to a query, with the usual k1 = 1.2 and b = 0.75. Words are split on
/// anything that is not a letter or digit; Chinese, which has no spaces, counts each character and each pair of
/// adjacent characters as a term, which is how simple Chinese search indexes work.
/// </summary>
public sealed class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<Dictionary<string, int>> _documents = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private long _totalLength;

    public int Count => _documents.Count;

    public void Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        foreach (var term in Terms(text))
        {
            terms[term] = terms.GetValueOrDefault(term) + 1;
            length++;
        }
        foreach (var term in terms.Keys)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _documents.Add(terms);
        _totalLength += length;
    }

    /// <summary>The BM25 score of every document for the query, in the order the documents were added.</summary>
    public double[] Score(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new double[_documents.Count];
        if (_documents.Count == 0)
        {
            return scores;
        }
        var averageLength = (double)_totalLength / _documents.Count;
        var queryTerms = Terms(query).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < _documents.Count; i++)
        {
            var document = _documents[i];
            var length = document.Values.Sum();
            foreach (var term in queryTerms)
            {
                if (!document.TryGetValue(term, out var frequency))
                {
                    continue;
                }
                var n = _documentFrequency[term];
                var idf = Math.Log(1 + ((_documents.Count - n + 0.5) / (n + 0.5)));
                scores[i] += idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * length / averageLength))));
            }
        }
        return scores;
    }

    public static IEnumerable<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new System.Text.StringBuilder();
        char? previousIdeograph = null;
        foreach (var c in text)
        {
            if (IsIdeograph(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                yield return c.ToString();
                if (previousIdeograph is { } p)
                {
                    yield return string.Concat(p, c);
                }
                previousIdeograph = c;
                continue;
            }
            previousIdeograph = null;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsIdeograph(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}

using System.Globalization;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>Hands out ids unique among one kind: a second "mara" becomes "mara-2".</summary>
internal sealed class IdAllocator
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Claim(string preferred)
    {
        ArgumentException.ThrowIfNullOrEmpty(preferred);
        if (_taken.Add(preferred))
        {
            return preferred;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{preferred}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}

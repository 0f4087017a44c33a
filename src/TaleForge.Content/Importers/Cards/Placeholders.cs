using System.Text.RegularExpressions;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Resolves the names cards write as placeholders: <c>{{char}}</c> and <c>&lt;BOT&gt;</c> become the character,
/// <c>{{user}}</c> and <c>&lt;USER&gt;</c> the player, in any capitals, as SillyTavern does.
/// </summary>
public sealed partial class Placeholders(string character, string player)
{
    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Replace(text, m => m.Value.Contains("char", StringComparison.OrdinalIgnoreCase) || m.Value.Contains("bot", StringComparison.OrdinalIgnoreCase) ? character : player);
    }

    [GeneratedRegex(@"\{\{(char|user)\}\}|<(bot|user)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

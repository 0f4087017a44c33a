using System.Security.Cryptography;
using System.Text;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// The world id of a CharacterBox work: a readable ASCII slug (from the title, else the file name, else
/// "characterbox") and the first 8 hex digits of a SHA-256 over the title and the file name, so two works never
/// share an id, not even two Chinese works whose titles give no slug at all ("characterbox-3f9a0c21"). The file's
/// folder is left out, so the id stays when the file moves; every import of one file, whole or one scene, shares it.
/// </summary>
internal static class WorkId
{
    public static string For(string? title, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var fileName = Path.GetFileName(sourceName);
        var slug = new[] { title ?? "", Path.GetFileNameWithoutExtension(fileName) }.Select(AsciiId.Slug).FirstOrDefault(s => s.Length > 0) ?? "characterbox";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{fileName}"));
        return $"{slug}-{Convert.ToHexStringLower(digest)[..8]}";
    }

    /// <summary>
    /// The id imports gave a work before the digest was added: the slug alone ("harry-potter"). Recordings made
    /// then hold the hash of the world under that id, so they are checked against it too.
    /// </summary>
    public static string Previous(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var digest = id.LastIndexOf('-');
        return digest > 0 && id.Length - digest == 9 ? id[..digest] : id;
    }
}

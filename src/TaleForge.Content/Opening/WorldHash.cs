using System.Security.Cryptography;
using System.Text;
using TaleForge.Content.Writing;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Opening;

/// <summary>
/// A world's content hash: SHA-256 of its canonical YAML as the writer produces it, so the hash follows what the
/// world says, not how its files happen to be split or formatted, nor whether it was imported from CharacterBox.
/// </summary>
public static class WorldHash
{
    public static string Of(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorldWriter.ToYaml(world))));
    }
}

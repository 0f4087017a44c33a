namespace TaleForge.LlamaCpp.Gguf;

/// <summary>The header, metadata and tensor table of a GGUF file that passed every check of <see cref="GgufReader"/>.</summary>
public sealed record GgufFile(
    string Path,
    uint Version,
    IReadOnlyDictionary<string, object> Metadata,
    IReadOnlyList<GgufTensorInfo> Tensors,
    uint Alignment,
    long DataOffset,
    long FileLength)
{
    public string? Architecture => Metadata.TryGetValue("general.architecture", out var value) ? value as string : null;

    public string? GetString(string key) => Metadata.TryGetValue(key, out var value) ? value as string : null;
}

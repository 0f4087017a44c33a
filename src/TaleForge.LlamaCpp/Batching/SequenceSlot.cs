namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// One sequence id of the shared context. <see cref="Tokens"/> are exactly the tokens whose KV cells this sequence
/// holds, at positions 0..Count-1; when idle, they are a prefix cache for the next request.
/// </summary>
internal sealed class SequenceSlot(int id)
{
    public int Id { get; } = id;
    public List<int> Tokens { get; } = [];
    public GenerationJob? Job { get; set; }
    public long LastUsed { get; set; }
    public bool IsIdle => Job is null;

    /// <summary>Length of the common prefix of this slot's tokens and <paramref name="prompt"/>.</summary>
    public int CommonPrefix(IReadOnlyList<int> prompt) => CommonPrefix(Tokens, prompt);

    /// <summary>Length of the common prefix of two token lists.</summary>
    public static int CommonPrefix(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var length = Math.Min(a.Count, b.Count);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }
        return i;
    }
}

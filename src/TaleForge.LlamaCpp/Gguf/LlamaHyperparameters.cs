namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// The hyperparameters of a dense llama-like model (<c>llama.*</c> or <c>qwen2.*</c>, which llama.cpp 0.5.0 reads
/// alike), checked against what it asserts on or divides by (llama-model.cpp's load_hparams, models/llama.cpp,
/// models/qwen2.cpp and the graphs they build): a zero block count or head count, a NaN epsilon, a head size that
/// rope or attention cannot use end in abort() there, so they end here.
/// </summary>
internal sealed record LlamaHyperparameters(
    uint ContextLength, uint Embedding, uint Blocks, uint FeedForward, uint Heads, uint KvHeads, uint HeadSize)
{
    /// <summary>LLAMA_MAX_LAYERS.</summary>
    public const uint MaxBlocks = 512;

    // Far above any released model, low enough that products of them cannot overflow a tensor's element count.
    private const uint MaxEmbedding = 1 << 17;
    private const uint MaxFeedForward = 1 << 20;
    private const uint MaxContext = 1 << 24;

    /// <summary>Keys of the architecture's namespace that were checked; any other one is refused, for its effect is unknown.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "context_length", "embedding_length", "block_count", "feed_forward_length",
        "attention.head_count", "attention.head_count_kv", "attention.key_length",
        "attention.value_length", "attention.layer_norm_rms_epsilon", "rope.dimension_count",
        "rope.freq_base", "rope.scaling.type", "rope.scaling.factor", "rope.scale_linear",
        "rope.scaling.attn_factor", "rope.scaling.original_context_length", "rope.scaling.finetuned",
        "vocab_size", "expert_count", "expert_used_count",
    };

    /// <summary>Rope scaling types llama.cpp knows; any other string fails an assert.</summary>
    private static readonly string[] _ropeScalings = ["none", "linear", "yarn", "longrope"];

    public ulong KvLength => (ulong)HeadSize * KvHeads;

    public ulong QueryLength => (ulong)HeadSize * Heads;

    public static LlamaHyperparameters Read(MetadataReader metadata, string architecture)
    {
        var prefix = architecture + ".";
        foreach (var key in metadata.File.Metadata.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!Known.Contains(key[prefix.Length..]))
            {
                metadata.Fail($"metadata '{key}' is not one TaleForge has checked for the {architecture} architecture; llama.cpp may use it in ways that crash, so the file is refused");
            }
        }
        var context = metadata.UInt32(prefix + "context_length", 1, MaxContext, required: true)!.Value;
        var embedding = metadata.UInt32(prefix + "embedding_length", 1, MaxEmbedding, required: true)!.Value;
        var blocks = metadata.UInt32(prefix + "block_count", 1, MaxBlocks, required: true)!.Value;
        var feedForward = metadata.UInt32(prefix + "feed_forward_length", 1, MaxFeedForward, required: true)!.Value;
        var heads = metadata.UInt32(prefix + "attention.head_count", 1, embedding, required: true)!.Value;
        if (embedding % heads != 0)
        {
            metadata.Fail($"metadata '{prefix}attention.head_count' is {heads}, which does not divide '{prefix}embedding_length' {embedding}");
        }
        var kvHeads = metadata.UInt32(prefix + "attention.head_count_kv", 1, heads, required: false) ?? heads;
        if (heads % kvHeads != 0)
        {
            metadata.Fail($"metadata '{prefix}attention.head_count_kv' is {kvHeads}, which does not divide '{prefix}attention.head_count' {heads}");
        }
        var headSize = embedding / heads;
        if (headSize % 2 != 0)
        {
            metadata.Fail($"metadata '{prefix}attention.head_count' {heads} makes heads of {headSize} values, an odd size rope cannot rotate");
        }
        // The graph asserts that keys, values and the rotated part all have the head size.
        foreach (var key in new[] { prefix + "attention.key_length", prefix + "attention.value_length", prefix + "rope.dimension_count" })
        {
            var value = metadata.UInt32(key, 0, uint.MaxValue, required: false);
            if (value is { } size && size != headSize)
            {
                metadata.Fail($"metadata '{key}' is {size}, but llama.cpp needs the head size {headSize} ('{prefix}embedding_length' / '{prefix}attention.head_count') for the {architecture} architecture");
            }
        }
        metadata.Float32(prefix + "attention.layer_norm_rms_epsilon", 0, 1, required: true, minimumExcluded: true);
        metadata.Float32(prefix + "rope.freq_base", 0, 1e12f, required: false, minimumExcluded: true);
        metadata.Float32(prefix + "rope.scaling.factor", 0, 1e6f, required: false);
        metadata.Float32(prefix + "rope.scale_linear", 0, 1e6f, required: false);
        metadata.Float32(prefix + "rope.scaling.attn_factor", 0, 1e6f, required: false, minimumExcluded: true);
        metadata.UInt32(prefix + "rope.scaling.original_context_length", 1, MaxContext, required: false);
        metadata.Bool(prefix + "rope.scaling.finetuned");
        if (metadata.String(prefix + "rope.scaling.type", required: false) is { } scaling && !_ropeScalings.Contains(scaling, StringComparer.Ordinal))
        {
            metadata.Fail($"metadata '{prefix}rope.scaling.type' is \"{scaling}\"; llama.cpp knows only {string.Join(", ", _ropeScalings)}");
        }
        // Mixture-of-experts models take other tensors and asserts; they were not checked, so they are refused.
        if (metadata.UInt32(prefix + "expert_count", 0, uint.MaxValue, required: false) is > 0 and var experts)
        {
            metadata.Fail($"metadata '{prefix}expert_count' is {experts}: mixture-of-experts models are not supported; use a dense model");
        }
        if (metadata.UInt32(prefix + "expert_used_count", 0, uint.MaxValue, required: false) is > 0 and var used)
        {
            metadata.Fail($"metadata '{prefix}expert_used_count' is {used}, but the model has no experts ('{prefix}expert_count' is 0 or missing)");
        }
        return new LlamaHyperparameters(context, embedding, blocks, feedForward, heads, kvHeads, headSize);
    }
}

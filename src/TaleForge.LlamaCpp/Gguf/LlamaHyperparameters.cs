namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// The <c>llama.*</c> metadata of a llama-architecture model, checked against what llama.cpp 0.5.0 asserts on or
/// divides by (llama-model.cpp's load_hparams, models/llama.cpp and the graph it builds): a zero block count or head
/// count, a NaN epsilon, a head size that rope or attention cannot use end in abort() there, so they end here.
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

    /// <summary>Keys of the llama namespace that were checked; any other one is refused, for its effect is unknown.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "llama.context_length", "llama.embedding_length", "llama.block_count", "llama.feed_forward_length",
        "llama.attention.head_count", "llama.attention.head_count_kv", "llama.attention.key_length",
        "llama.attention.value_length", "llama.attention.layer_norm_rms_epsilon", "llama.rope.dimension_count",
        "llama.rope.freq_base", "llama.rope.scaling.type", "llama.rope.scaling.factor", "llama.rope.scale_linear",
        "llama.rope.scaling.attn_factor", "llama.rope.scaling.original_context_length", "llama.rope.scaling.finetuned",
        "llama.vocab_size", "llama.expert_count", "llama.expert_used_count",
    };

    /// <summary>Rope scaling types llama.cpp knows; any other string fails an assert.</summary>
    private static readonly string[] _ropeScalings = ["none", "linear", "yarn", "longrope"];

    public ulong KvLength => (ulong)HeadSize * KvHeads;

    public ulong QueryLength => (ulong)HeadSize * Heads;

    public static LlamaHyperparameters Read(MetadataReader metadata)
    {
        foreach (var key in metadata.File.Metadata.Keys.Where(k => k.StartsWith("llama.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!Known.Contains(key))
            {
                metadata.Fail($"metadata '{key}' is not one TaleForge has checked for the llama architecture; llama.cpp may use it in ways that crash, so the file is refused");
            }
        }
        var context = metadata.UInt32("llama.context_length", 1, MaxContext, required: true)!.Value;
        var embedding = metadata.UInt32("llama.embedding_length", 1, MaxEmbedding, required: true)!.Value;
        var blocks = metadata.UInt32("llama.block_count", 1, MaxBlocks, required: true)!.Value;
        var feedForward = metadata.UInt32("llama.feed_forward_length", 1, MaxFeedForward, required: true)!.Value;
        var heads = metadata.UInt32("llama.attention.head_count", 1, embedding, required: true)!.Value;
        if (embedding % heads != 0)
        {
            metadata.Fail($"metadata 'llama.attention.head_count' is {heads}, which does not divide 'llama.embedding_length' {embedding}");
        }
        var kvHeads = metadata.UInt32("llama.attention.head_count_kv", 1, heads, required: false) ?? heads;
        if (heads % kvHeads != 0)
        {
            metadata.Fail($"metadata 'llama.attention.head_count_kv' is {kvHeads}, which does not divide 'llama.attention.head_count' {heads}");
        }
        var headSize = embedding / heads;
        if (headSize % 2 != 0)
        {
            metadata.Fail($"metadata 'llama.attention.head_count' {heads} makes heads of {headSize} values, an odd size rope cannot rotate");
        }
        // The graph asserts that keys, values and the rotated part all have the head size.
        foreach (var key in new[] { "llama.attention.key_length", "llama.attention.value_length", "llama.rope.dimension_count" })
        {
            var value = metadata.UInt32(key, 0, uint.MaxValue, required: false);
            if (value is { } size && size != headSize)
            {
                metadata.Fail($"metadata '{key}' is {size}, but llama.cpp needs the head size {headSize} ('llama.embedding_length' / 'llama.attention.head_count') for the llama architecture");
            }
        }
        metadata.Float32("llama.attention.layer_norm_rms_epsilon", 0, 1, required: true, minimumExcluded: true);
        metadata.Float32("llama.rope.freq_base", 0, 1e12f, required: false, minimumExcluded: true);
        metadata.Float32("llama.rope.scaling.factor", 0, 1e6f, required: false);
        metadata.Float32("llama.rope.scale_linear", 0, 1e6f, required: false);
        metadata.Float32("llama.rope.scaling.attn_factor", 0, 1e6f, required: false, minimumExcluded: true);
        metadata.UInt32("llama.rope.scaling.original_context_length", 1, MaxContext, required: false);
        metadata.Bool("llama.rope.scaling.finetuned");
        if (metadata.String("llama.rope.scaling.type", required: false) is { } scaling && !_ropeScalings.Contains(scaling, StringComparer.Ordinal))
        {
            metadata.Fail($"metadata 'llama.rope.scaling.type' is \"{scaling}\"; llama.cpp knows only {string.Join(", ", _ropeScalings)}");
        }
        // Mixture-of-experts llama models take other tensors and asserts; they were not checked, so they are refused.
        if (metadata.UInt32("llama.expert_count", 0, uint.MaxValue, required: false) is > 0 and var experts)
        {
            metadata.Fail($"metadata 'llama.expert_count' is {experts}: mixture-of-experts models are not supported; use a dense llama model");
        }
        if (metadata.UInt32("llama.expert_used_count", 0, uint.MaxValue, required: false) is > 0 and var used)
        {
            metadata.Fail($"metadata 'llama.expert_used_count' is {used}, but the model has no experts ('llama.expert_count' is 0 or missing)");
        }
        return new LlamaHyperparameters(context, embedding, blocks, feedForward, heads, kvHeads, headSize);
    }
}

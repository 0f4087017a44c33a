namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// The tensor table of a llama or qwen2 model against the shapes models/llama.cpp and models/qwen2.cpp create from the
/// hyperparameters: every required tensor present with exactly its shape, nothing unknown, and each of a type the
/// CPU kernels can multiply (vectors in F32, as the norms and biases are added and multiplied in F32).
/// </summary>
internal static class LlamaTensorCheck
{
    /// <summary>Element types llama.cpp can use as weights of a matrix product.</summary>
    private static readonly HashSet<GgmlType> _matrixTypes =
    [
        GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q4_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q8_0,
        GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K, GgmlType.IQ2_XXS, GgmlType.IQ2_XS,
        GgmlType.IQ3_XXS, GgmlType.IQ1_S, GgmlType.IQ4_NL, GgmlType.IQ3_S, GgmlType.IQ2_S, GgmlType.IQ4_XS, GgmlType.IQ1_M,
        GgmlType.TQ1_0, GgmlType.TQ2_0, GgmlType.MXFP4,
    ];

    public static void Check(MetadataReader metadata, string architecture, LlamaHyperparameters h, int vocabulary)
    {
        var expected = Expected(architecture, h, (ulong)vocabulary);
        var tensors = metadata.File.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var tensor in metadata.File.Tensors)
        {
            if (!expected.TryGetValue(tensor.Name, out var shape))
            {
                metadata.Fail($"tensor '{tensor.Name}' is not one the {architecture} architecture has ({h.Blocks} blocks per '{architecture}.block_count')");
            }
            if (!tensor.Dimensions.SequenceEqual(shape.Dimensions))
            {
                metadata.Fail($"tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Dimensions)}], but the metadata asks for [{string.Join(", ", shape.Dimensions)}]");
            }
            var allowed = shape.Dimensions.Length == 1 ? tensor.Type == GgmlType.F32 : _matrixTypes.Contains(tensor.Type);
            if (!allowed)
            {
                metadata.Fail($"tensor '{tensor.Name}' has element type {tensor.Type}, which llama.cpp cannot use there ({(shape.Dimensions.Length == 1 ? "vectors are F32" : "a weight matrix")})");
            }
        }
        foreach (var (name, shape) in expected.Where(e => e.Value.Required))
        {
            if (!tensors.ContainsKey(name))
            {
                metadata.Fail($"tensor '{name}' is missing; the {architecture} architecture needs it");
            }
        }
    }

    private sealed record Shape(ulong[] Dimensions, bool Required);

    private static Dictionary<string, Shape> Expected(string architecture, LlamaHyperparameters h, ulong vocabulary)
    {
        ulong embedding = h.Embedding;
        ulong feedForward = h.FeedForward;
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
        {
            ["token_embd.weight"] = new([embedding, vocabulary], true),
            ["output_norm.weight"] = new([embedding], true),
            ["output.weight"] = new([embedding, vocabulary], false),
        };
        // Only llama reads rope frequency factors; only qwen2 an output bias (models/llama.cpp, models/qwen2.cpp).
        if (architecture == "llama")
        {
            shapes["rope_freqs.weight"] = new([h.HeadSize / 2], false);
        }
        else
        {
            shapes["output.bias"] = new([vocabulary], false);
        }
        for (var i = 0; i < h.Blocks; i++)
        {
            var b = $"blk.{i}.";
            shapes[b + "attn_norm.weight"] = new([embedding], true);
            shapes[b + "attn_q.weight"] = new([embedding, h.QueryLength], true);
            shapes[b + "attn_k.weight"] = new([embedding, h.KvLength], true);
            shapes[b + "attn_v.weight"] = new([embedding, h.KvLength], true);
            shapes[b + "attn_q.bias"] = new([h.QueryLength], false);
            shapes[b + "attn_k.bias"] = new([h.KvLength], false);
            shapes[b + "attn_v.bias"] = new([h.KvLength], false);
            shapes[b + "attn_output.weight"] = new([h.QueryLength, embedding], true);
            shapes[b + "attn_output.bias"] = new([embedding], false);
            shapes[b + "ffn_norm.weight"] = new([embedding], true);
            shapes[b + "ffn_gate.weight"] = new([embedding, feedForward], true);
            shapes[b + "ffn_up.weight"] = new([embedding, feedForward], true);
            shapes[b + "ffn_down.weight"] = new([feedForward, embedding], true);
            shapes[b + "ffn_gate.bias"] = new([feedForward], false);
            shapes[b + "ffn_up.bias"] = new([feedForward], false);
            shapes[b + "ffn_down.bias"] = new([embedding], false);
        }
        return shapes;
    }
}

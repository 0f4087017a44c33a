using System.Runtime.InteropServices;
using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.LlamaCpp.RandomModels;

/// <summary>
/// Writes a llama-architecture GGUF model with random weights of a given shape: small enough for tests, or the
/// real shape of a released model for throughput (speed does not depend on the values). Data is generated and
/// written one chunk at a time, so even an 8B model needs only a few megabytes of memory.
/// </summary>
public static class RandomModelWriter
{
    /// <summary>Jinja ChatML template; llama.cpp recognises the style from its <c>&lt;|im_start|&gt;</c> marker.</summary>
    public const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private const float WeightScale = 0.02f;

    /// <summary>Writes the model to <paramref name="path"/> (via a temporary file, so a failed write leaves nothing half-done).</summary>
    public static GgufFile Write(string path, ModelPreset preset, GgmlType? type = null, ulong seed = 1, IProgress<float>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(preset);
        var weightType = type ?? preset.DefaultType;
        if (weightType is not (GgmlType.F32 or GgmlType.F16 or GgmlType.Q8_0))
        {
            throw new ArgumentException($"Random models are written as F32, F16 or Q8_0, not {weightType}.", nameof(type));
        }
        var writer = Describe(preset, weightType);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var total = writer.Tensors.Sum(t => (double)t.ByteSize);
            var done = 0.0;
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                var random = new SplitMix64(seed);
                writer.Write(file, (tensor, output) =>
                {
                    WriteTensor(tensor, output, random);
                    done += tensor.ByteSize;
                    progress?.Report((float)(done / total));
                });
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return GgufReader.Read(path);
    }

    private static GgufWriter Describe(ModelPreset preset, GgmlType type)
    {
        var vocabulary = ByteLevelVocabulary.Create(preset.VocabularySize);
        var headDimension = preset.EmbeddingLength / preset.HeadCount;
        var kvLength = (ulong)(headDimension * preset.HeadCountKv);
        var writer = new GgufWriter();
        writer.Add("general.architecture", "llama");
        writer.Add("general.name", $"taleforge-random-{preset.Name}");
        writer.Add("general.file_type", type switch { GgmlType.F32 => 0u, GgmlType.F16 => 1u, _ => 7u });
        writer.Add("llama.context_length", (uint)preset.ContextLength);
        writer.Add("llama.embedding_length", (uint)preset.EmbeddingLength);
        writer.Add("llama.block_count", (uint)preset.BlockCount);
        writer.Add("llama.feed_forward_length", (uint)preset.FeedForwardLength);
        writer.Add("llama.attention.head_count", (uint)preset.HeadCount);
        writer.Add("llama.attention.head_count_kv", (uint)preset.HeadCountKv);
        writer.Add("llama.rope.dimension_count", (uint)headDimension);
        writer.Add("llama.rope.freq_base", preset.RopeFreqBase);
        writer.Add("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        writer.Add("llama.vocab_size", (uint)vocabulary.Tokens.Count);
        writer.Add("tokenizer.ggml.model", "gpt2");
        writer.Add("tokenizer.ggml.pre", "default");
        writer.Add("tokenizer.ggml.tokens", vocabulary.Tokens);
        writer.Add("tokenizer.ggml.token_type", vocabulary.TokenTypes);
        writer.Add("tokenizer.ggml.merges", vocabulary.Merges);
        writer.Add("tokenizer.ggml.bos_token_id", (uint)vocabulary.EndOfTextId);
        writer.Add("tokenizer.ggml.eos_token_id", (uint)vocabulary.ImEndId);
        writer.Add("tokenizer.ggml.eot_token_id", (uint)vocabulary.ImEndId);
        writer.Add("tokenizer.ggml.padding_token_id", (uint)vocabulary.EndOfTextId);
        writer.Add("tokenizer.ggml.add_bos_token", false);
        writer.Add("tokenizer.chat_template", ChatMlTemplate);

        var embedding = (ulong)preset.EmbeddingLength;
        var vocabularySize = (ulong)vocabulary.Tokens.Count;
        var feedForward = (ulong)preset.FeedForwardLength;
        writer.AddTensor("token_embd.weight", [embedding, vocabularySize], type);
        for (var i = 0; i < preset.BlockCount; i++)
        {
            writer.AddTensor($"blk.{i}.attn_norm.weight", [embedding], GgmlType.F32);
            writer.AddTensor($"blk.{i}.attn_q.weight", [embedding, embedding], type);
            writer.AddTensor($"blk.{i}.attn_k.weight", [embedding, kvLength], type);
            writer.AddTensor($"blk.{i}.attn_v.weight", [embedding, kvLength], type);
            writer.AddTensor($"blk.{i}.attn_output.weight", [embedding, embedding], type);
            writer.AddTensor($"blk.{i}.ffn_norm.weight", [embedding], GgmlType.F32);
            writer.AddTensor($"blk.{i}.ffn_gate.weight", [embedding, feedForward], type);
            writer.AddTensor($"blk.{i}.ffn_up.weight", [embedding, feedForward], type);
            writer.AddTensor($"blk.{i}.ffn_down.weight", [feedForward, embedding], type);
        }
        writer.AddTensor("output_norm.weight", [embedding], GgmlType.F32);
        writer.AddTensor("output.weight", [embedding, vocabularySize], type);
        return writer;
    }

    private static void WriteTensor(GgufTensorInfo tensor, Stream output, SplitMix64 random)
    {
        var isNorm = tensor.Name.EndsWith("norm.weight", StringComparison.Ordinal);
        var buffer = new byte[1 << 20];
        var remaining = tensor.ByteSize;
        // Uniform on [-a, a] with a = sqrt(3) * scale has standard deviation `scale`.
        var amplitude = MathF.Sqrt(3f) * WeightScale;
        while (remaining > 0)
        {
            var unit = tensor.Type switch { GgmlType.F32 => 4, GgmlType.F16 => 2, _ => 34 };
            var chunk = (int)Math.Min(remaining, (ulong)(buffer.Length / unit * unit));
            var span = buffer.AsSpan(0, chunk);
            switch (tensor.Type)
            {
                case GgmlType.F32:
                    foreach (ref var value in MemoryMarshal.Cast<byte, float>(span))
                    {
                        value = isNorm ? 1f : random.NextSigned() * amplitude;
                    }
                    break;
                case GgmlType.F16:
                    foreach (ref var value in MemoryMarshal.Cast<byte, Half>(span))
                    {
                        value = (Half)(random.NextSigned() * amplitude);
                    }
                    break;
                default:
                    // Q8_0 block: an f16 scale, then 32 signed bytes; value = scale * byte.
                    var scale = (Half)(amplitude / 127f);
                    for (var block = 0; block < chunk; block += 34)
                    {
                        MemoryMarshal.Write(span[block..], in scale);
                        random.Fill(span.Slice(block + 2, 32));
                        for (var j = block + 2; j < block + 34; j++)
                        {
                            if (span[j] == 0x80)
                            {
                                span[j] = 0x81;
                            }
                        }
                    }
                    break;
            }
            output.Write(span);
            remaining -= (ulong)chunk;
        }
    }

    /// <summary>A small, fast, seedable generator: the same seed always writes the same file.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [-1, 1).</summary>
        public float NextSigned() => (Next() >> 40) * (2f / (1 << 24)) - 1f;

        public void Fill(Span<byte> bytes)
        {
            for (var i = 0; i < bytes.Length; i += 8)
            {
                var value = Next();
                for (var j = i; j < Math.Min(i + 8, bytes.Length); j++, value >>= 8)
                {
                    bytes[j] = (byte)value;
                }
            }
        }
    }
}

namespace TaleForge.LlamaCpp.Gguf;

/// <summary>
/// The <c>tokenizer.*</c> metadata, checked against llama-vocab.cpp: token, type and score arrays of one length,
/// token texts unique (it asserts so), byte tokens that read as bytes, special token ids inside the vocabulary,
/// and a begin-of-sequence token whenever one is added (tokenising asserts on a missing one).
/// </summary>
internal static class VocabularyCheck
{
    // Far above any released vocabulary (about 260k), low enough to refuse an absurd array quickly.
    private const int MaxTokens = 1 << 21;

    /// <summary>Tokenizer models TaleForge has checked: GPT-2 style byte-level BPE and SentencePiece.</summary>
    private static readonly string[] _models = ["gpt2", "llama"];

    /// <summary>The BPE pre-tokenizers llama.cpp 0.5.0 knows (llama-vocab.cpp); it refuses any other name.</summary>
    private static readonly HashSet<string> _preTokenizers = new(StringComparer.Ordinal)
    {
        "a.x-4.0", "afmoe", "bailingmoe", "bailingmoe2", "bloom", "chameleon", "chatglm-bpe", "codeshell",
        "cohere2moe", "command-r", "dbrx", "deepseek-coder", "deepseek-llm", "deepseek-r1-qwen", "deepseek-v3",
        "default", "exaone", "exaone-moe", "exaone4", "f2llmv2", "falcon", "falcon-h1", "falcon3", "gemma4",
        "gigachat", "glm4", "gpt-2", "gpt-4o", "gpt3-finnish", "granite-docling", "granite-embed-multi-311m",
        "granite-embed-multi-97m", "grok-2", "hunyuan", "hunyuan-dense", "hy_v4", "jais", "jais-2", "jina-de",
        "jina-es", "jina-v1-en", "jina-v2-code", "jina-v2-de", "jina-v2-es", "jina-v5-nano", "joyai-llm", "kanana2",
        "kimi-k2", "kormo", "laguna", "lfm2", "llada-moe", "llama-bpe", "llama-v3", "llama3", "llama4", "megrez",
        "mellum", "mellum2", "midm-2.0", "minerva-7b", "minicpm5", "minimax-m2", "modern-bert", "mpt", "olmo",
        "phi-2", "pixtral", "poro-chat", "qwen2", "qwen35", "refact", "roberta-bpe", "sarvam-moe", "seed-coder",
        "smaug-bpe", "smollm", "solar-open", "spark2_5", "stablelm2", "starcoder", "superbpe", "talkie", "tekken",
        "tiny_aya", "trillion", "ufakzeka", "viking", "whitespace", "youtu",
    };

    private static readonly string[] _specialIds =
    [
        "bos", "eos", "eot", "eom", "unknown", "seperator", "padding", "mask", "cls",
        "fim_pre", "fim_suf", "fim_mid", "fim_pad", "fim_rep", "fim_sep", "prefix", "suffix", "middle",
    ];

    /// <summary>Checks the vocabulary and returns its size.</summary>
    public static int Check(MetadataReader metadata, string architecture)
    {
        var model = metadata.String("tokenizer.ggml.model", required: true)!;
        if (!_models.Contains(model, StringComparer.Ordinal))
        {
            metadata.Fail($"metadata 'tokenizer.ggml.model' is \"{model}\"; TaleForge has checked only the {string.Join(" and ", _models)} tokenizers");
        }
        if (metadata.String("tokenizer.ggml.pre", required: false) is { Length: > 0 } pre && model == "gpt2" && !_preTokenizers.Contains(pre))
        {
            metadata.Fail($"metadata 'tokenizer.ggml.pre' is \"{(pre.Length > 40 ? pre[..40] + "…" : pre)}\", a pre-tokenizer llama.cpp 0.5.0 does not know");
        }
        metadata.String("tokenizer.chat_template", required: false);
        var tokens = metadata.Array<string>("tokenizer.ggml.tokens", "strings", required: true)!;
        if (tokens.Length == 0 || tokens.Length > MaxTokens)
        {
            metadata.Fail($"metadata 'tokenizer.ggml.tokens' has {tokens.Length} tokens; a vocabulary has 1 to {MaxTokens}");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            // llama.cpp renames an empty token, then asserts that no two tokens share a text.
            if (!seen.Add(tokens[i].Length == 0 ? $"[EMPTY_{i}]" : tokens[i]))
            {
                metadata.Fail($"metadata 'tokenizer.ggml.tokens' holds \"{tokens[i]}\" twice (again at index {i}); token texts must be unique");
            }
        }
        var types = metadata.Array<int>("tokenizer.ggml.token_type", "int32", required: false);
        if (types is not null)
        {
            SameLength(metadata, "tokenizer.ggml.token_type", types.Length, tokens.Length);
            for (var i = 0; i < types.Length; i++)
            {
                // LLAMA_TOKEN_TYPE_BYTE: its text is read back as "<0xXX>".
                if (types[i] == 6 && !IsByteToken(tokens[i]))
                {
                    metadata.Fail($"metadata 'tokenizer.ggml.token_type' marks token {i} \"{tokens[i]}\" as a byte, but its text is not of the form <0xXX>");
                }
            }
        }
        var scores = metadata.Array<float>("tokenizer.ggml.scores", "float32", required: false);
        if (scores is not null)
        {
            SameLength(metadata, "tokenizer.ggml.scores", scores.Length, tokens.Length);
            var bad = Array.FindIndex(scores, s => !float.IsFinite(s));
            if (bad >= 0)
            {
                metadata.Fail($"metadata 'tokenizer.ggml.scores' has {MetadataReader.Show(scores[bad])} at index {bad}; scores must be finite");
            }
        }
        metadata.Array<string>("tokenizer.ggml.merges", "strings", required: model == "gpt2");
        if (model == "llama" && scores is null)
        {
            metadata.Fail("metadata 'tokenizer.ggml.scores' is missing; a SentencePiece (llama) tokenizer needs a score for every token");
        }
        if (metadata.UInt32($"{architecture}.vocab_size", 0, uint.MaxValue, required: false) is { } declared && declared != tokens.Length)
        {
            metadata.Fail($"metadata '{architecture}.vocab_size' is {declared}, but 'tokenizer.ggml.tokens' has {tokens.Length} tokens");
        }
        foreach (var name in _specialIds)
        {
            metadata.UInt32($"tokenizer.ggml.{name}_token_id", 0, (uint)tokens.Length - 1, required: false);
        }
        foreach (var flag in new[] { "add_bos_token", "add_eos_token", "add_sep_token", "add_space_prefix", "remove_extra_whitespaces" })
        {
            metadata.Bool($"tokenizer.ggml.{flag}");
        }
        // SentencePiece adds a BOS token unless told not to; then there must be one to add.
        var addsBos = metadata.Bool("tokenizer.ggml.add_bos_token") ?? model == "llama";
        if (addsBos && !metadata.Has("tokenizer.ggml.bos_token_id") && tokens.Length <= (model == "llama" ? 1 : 11))
        {
            metadata.Fail($"metadata 'tokenizer.ggml.bos_token_id' is missing and the default begin-of-sequence token lies outside the {tokens.Length} tokens, yet 'tokenizer.ggml.add_bos_token' asks for one");
        }
        return tokens.Length;
    }

    private static void SameLength(MetadataReader metadata, string key, int length, int tokens)
    {
        if (length != tokens)
        {
            metadata.Fail($"metadata '{key}' has {length} entries, but 'tokenizer.ggml.tokens' has {tokens}; there is one per token");
        }
    }

    private static bool IsByteToken(string text) =>
        text.Length == 6 && text.StartsWith("<0x", StringComparison.Ordinal) && text[5] == '>' && Uri.IsHexDigit(text[3]) && Uri.IsHexDigit(text[4]);
}

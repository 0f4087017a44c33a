using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TaleForge.Inference.Grammar;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaSharp.Chat;

/// <summary>Settings of a <see cref="LlamaSharpChatClient"/>: the context it creates and the defaults of its requests.</summary>
public sealed record LlamaSharpOptions
{
    /// <summary>Tokens in the KV cache (-c); one request runs at a time, so all of it is that request's.</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Threads for generation and prompt evaluation (-t); half the logical processors by default, as ours.</summary>
    public int Threads { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 16);

    /// <summary>Layers offloaded to the GPU (-ngl); 0 keeps the model on the CPU, -1 offloads all. Needs a CUDA backend package.</summary>
    public int GpuLayers { get; init; }

    /// <summary>Tokens per decode at most (-b).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Sampling used where a request's ChatOptions say nothing.</summary>
    public SamplingSettings DefaultSampling { get; init; } = new();

    /// <summary>Seed used where a request gives none; null draws a random one per request.</summary>
    public uint? DefaultSeed { get; init; }

    public int DefaultMaxOutputTokens { get; init; } = 512;

    /// <summary>Turns a JSON schema into GBNF; by default the project's own converter, as for our backend.</summary>
    public Func<JsonElement, string>? SchemaToGrammar { get; init; } =
        static schema => JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.ForJsonSchema(schema))!;

    public ILogger? Logger { get; init; }

    /// <summary>The request defaults in the form our request mapper reads, so both backends read a request alike.</summary>
    internal LlamaChatClientOptions RequestDefaults() => new()
    {
        ContextSize = ContextSize,
        DefaultSampling = DefaultSampling,
        DefaultSeed = DefaultSeed,
        DefaultMaxOutputTokens = DefaultMaxOutputTokens,
        SchemaToGrammar = SchemaToGrammar,
    };
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TaleForge.Inference.Grammar;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>Settings of a <see cref="LlamaChatClient"/>: the context it creates and the defaults of its requests.</summary>
public sealed record LlamaChatClientOptions
{
    /// <summary>Tokens in the shared KV cache (-c), for all concurrent requests together.</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Threads for generation (-t); half the logical processors by default, since spinning worker threads
    /// on an oversubscribed machine slow generation far more than one thread fewer does.</summary>
    public int Threads { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 16);

    /// <summary>Threads for prompt evaluation (-tb); defaults to <see cref="Threads"/>.</summary>
    public int? BatchThreads { get; init; }

    /// <summary>Layers offloaded to the GPU (-ngl); 0 keeps the model on the CPU, -1 offloads all.</summary>
    public int GpuLayers { get; init; }

    /// <summary>Requests decoded together at most (-np); more wait their turn.</summary>
    public int MaxSequences { get; init; } = 4;

    /// <summary>Tokens per <c>llama_decode</c> at most (-b).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>
    /// Flash attention (-fa): null lets llama.cpp decide. Off by default because on the CPU its kernels give a
    /// sequence logits that differ (by up to 1e-4 here) depending on what else is in the batch, which would let
    /// batching change a seeded output; without it the difference is ~1e-7. Worth turning on for long contexts on a GPU.
    /// </summary>
    public bool? FlashAttention { get; init; } = false;

    /// <summary>
    /// KV cache layout: true gives each sequence a stream of its own of <see cref="ContextSize"/> cells (MaxSequences
    /// times the memory; faster batching without flash attention), false one unified cache of ContextSize cells
    /// shared by all; null picks a stream each when flash attention is off and MaxSequences is at most 16.
    /// </summary>
    public bool? SeparateKvStreams { get; init; }

    /// <summary>Keep finished sequences' KV cells to reuse a shared prompt prefix.</summary>
    public bool PrefixCache { get; init; } = true;

    /// <summary>Sampling used where a request's ChatOptions say nothing.</summary>
    public SamplingSettings DefaultSampling { get; init; } = new();

    /// <summary>Seed used where a request gives none; null draws a random one per request.</summary>
    public uint? DefaultSeed { get; init; }

    public int DefaultMaxOutputTokens { get; init; } = 512;

    /// <summary>
    /// Turns a JSON schema (ChatResponseFormatJson.Schema) into a GBNF grammar; without it, schema requests fail.
    /// By default the project's own converter, cached by schema text.
    /// </summary>
    public Func<JsonElement, string>? SchemaToGrammar { get; init; } =
        static schema => JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.ForJsonSchema(schema))!;

    public BackendPreference Backend { get; init; } = BackendPreference.Auto;

    public ILogger? Logger { get; init; }
}

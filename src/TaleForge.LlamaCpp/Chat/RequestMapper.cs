using System.Globalization;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.Inference;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>Reads a request's <see cref="ChatOptions"/> into sampling settings, a grammar and stop conditions.</summary>
internal static class RequestMapper
{
    public static (SamplingSettings Sampling, int MaxTokens, IReadOnlyList<string> Stops) Map(ChatOptions? options, LlamaChatClientOptions defaults)
    {
        var baseline = defaults.DefaultSampling;
        var extra = options?.AdditionalProperties;
        var sampling = baseline with
        {
            Temperature = options?.Temperature ?? baseline.Temperature,
            TopK = options?.TopK ?? baseline.TopK,
            TopP = options?.TopP ?? baseline.TopP,
            FrequencyPenalty = options?.FrequencyPenalty ?? baseline.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty ?? baseline.PresencePenalty,
            MinP = Read(extra, LlamaChatOptions.MinPKey, baseline.MinP),
            RepeatPenalty = Read(extra, LlamaChatOptions.RepeatPenaltyKey, baseline.RepeatPenalty),
            RepeatLastN = Read(extra, LlamaChatOptions.RepeatLastNKey, baseline.RepeatLastN),
            SuppressEndOfGeneration = Read(extra, LlamaChatOptions.IgnoreEndOfGenerationKey, baseline.SuppressEndOfGeneration),
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : defaults.DefaultSeed ?? (uint)Random.Shared.Next(),
            Grammar = GrammarFor(options, defaults),
        };
        var maxTokens = options?.MaxOutputTokens ?? defaults.DefaultMaxOutputTokens;
        if (maxTokens < 1)
        {
            throw new ArgumentException($"MaxOutputTokens must be at least 1, not {maxTokens}.", nameof(options));
        }
        return (sampling, maxTokens, options?.StopSequences?.ToArray() ?? []);
    }

    private static string? GrammarFor(ChatOptions? options, LlamaChatClientOptions defaults)
    {
        var hasGrammar = options.TryGetGrammar(out var grammar);
        switch (options?.ResponseFormat)
        {
            case ChatResponseFormatJson { Schema: { } schema }:
                if (hasGrammar)
                {
                    throw new ArgumentException("A request cannot carry both a JSON schema and a raw grammar.", nameof(options));
                }
                if (defaults.SchemaToGrammar is null)
                {
                    throw new TaleForgeException(
                        "This request asks for JSON matching a schema, but the llama client has no schema compiler: " +
                        "set LlamaChatClientOptions.SchemaToGrammar (the JSON-Schema-to-GBNF converter) when creating it.");
                }
                return defaults.SchemaToGrammar(schema);
            case ChatResponseFormatJson:
                return hasGrammar ? grammar : JsonGrammar.AnyObject;
            default:
                return hasGrammar ? grammar : null;
        }
    }

    private static T Read<T>(AdditionalPropertiesDictionary? properties, string key, T fallback) where T : IConvertible
    {
        if (properties is null || !properties.TryGetValue(key, out var value) || value is null)
        {
            return fallback;
        }
        try
        {
            return value is T typed ? typed : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"ChatOptions.AdditionalProperties['{key}'] is {value}, not a {typeof(T).Name}.", e);
        }
    }
}

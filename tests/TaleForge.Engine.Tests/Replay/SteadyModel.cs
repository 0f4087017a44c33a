using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Fakes;

namespace TaleForge.Engine.Tests.Replay;

/// <summary>
/// A model that never moves anyone or anything ("none" as every command) and speaks in one recognisable voice,
/// naming the first character its narrowed schema allows when it must name one. Two voices make two models that
/// choose alike but say different things: the situation stays the same, only the words change.
/// </summary>
internal static class SteadyModel
{
    public static CallbackChatClient Create(string voice) => new((messages, options) =>
    {
        var format = options?.ResponseFormat as ChatResponseFormatJson;
        var seed = options?.Seed ?? 0;
        return format?.SchemaName switch
        {
            "character_turn" => $$"""{"action":"{{voice}} shifts (seed {{seed}})","dialogue":"{{voice}} speaks","command":"none","target":"","emotion":"calm"}""",
            "reaction" => $$"""{"action":"{{voice}} nods","dialogue":"{{voice}} answers","emotion":"calm"}""",
            "beliefs" => $$"""{"belief":"{{voice}} believes","desire":"to stay","intention":"to wait","others":[]}""",
            "reflection" => $$"""{"insights":[{"text":"{{voice}} reflects"}]}""",
            "influence" => FirstChoice(format, "affected") is { } who
                ? $$"""{"affected":[{"character":"{{who}}","impact":"{{voice}} impact"}]}"""
                : """{"affected":[]}""",
            "result" => $$"""{"narration":"{{voice}} result"}""",
            "updates" => """{"updates":[]}""",
            "environment" => """{"changed":false,"description":"","time":""}""",
            "summary" => $$"""{"summary":"{{voice}} summary"}""",
            "direction" => """{"directions":[]}""",
            var other => throw new InvalidOperationException($"The steady model does not know the schema '{other}'."),
        };
    })
    { ModelId = "steady-" + voice };

    /// <summary>The first character id a narrowed list field allows (properties.LIST.items.properties.character.enum).</summary>
    private static string? FirstChoice(ChatResponseFormatJson? format, string list) =>
        format?.Schema is { } schema
        && schema.TryGetProperty("properties", out var properties)
        && properties.TryGetProperty(list, out var field)
        && field.TryGetProperty("items", out var items)
        && items.TryGetProperty("properties", out var itemProperties)
        && itemProperties.TryGetProperty("character", out var character)
        && character.TryGetProperty("enum", out var choices)
        && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            ? choices[0].GetString()
            : null;
}

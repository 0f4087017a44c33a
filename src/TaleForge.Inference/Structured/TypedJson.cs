using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Structured;

/// <summary>
/// The one JSON convention for model output: snake_case property names and enum values, non-nullable references
/// required to be present and non-null, compact output. _schemas given to models and the parsing of their replies
/// both come from here, so they cannot drift apart.
/// </summary>
public static class TypedJson
{
    private static readonly ConcurrentDictionary<Type, JsonElement> _schemas = new();

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The JSON schema of <paramref name="type"/> as models see it: objects closed to extra properties, constructor
    /// parameters without defaults required, DataAnnotations bounds ([Range], [MinLength], [MaxLength], [Length])
    /// carried over. Computed once per type.
    /// </summary>
    public static JsonElement SchemaFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _schemas.GetOrAdd(type, static t => AIJsonUtilities.CreateJsonSchema(
            t,
            serializerOptions: Options,
            inferenceOptions: new AIJsonSchemaCreateOptions
            {
                TransformOptions = new AIJsonSchemaTransformOptions { DisallowAdditionalProperties = true },
            }));
    }

    public static JsonElement SchemaFor<T>() => SchemaFor(typeof(T));

    /// <summary>A value written as a model is asked to write it (useful for authored replies and replays).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Keep accents and CJK readable in trajectories; quotes and controls are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}

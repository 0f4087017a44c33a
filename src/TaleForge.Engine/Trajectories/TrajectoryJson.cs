using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// The JSON conventions of trajectory files: snake_case names, events and veto reasons tagged by a
/// <c>type</c> field named after their type ("took", "scene_started"), readable non-ASCII text. Core's types stay
/// free of serialization attributes; the polymorphism is declared here.
/// </summary>
public static class TrajectoryJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(DeclareKinds<WorldEvent>);
        resolver.Modifiers.Add(DeclareKinds<VetoReason>);
        resolver.Modifiers.Add(DeclareKinds<WorldCommand>);
        resolver.Modifiers.Add(DeclareKinds<Query>);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The type tag of a nested record type: <c>WorldEvent.SceneStarted</c> is "scene_started".</summary>
    public static string TypeTag(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);
    }

    private static void DeclareKinds<TBase>(JsonTypeInfo info)
    {
        if (info.Type != typeof(TBase))
        {
            return;
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var nested in typeof(TBase).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(TBase))))
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(nested, TypeTag(nested)));
        }
    }
}

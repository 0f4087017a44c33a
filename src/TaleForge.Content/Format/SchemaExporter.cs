using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Content.Format;

/// <summary>
/// Writes <see cref="WorldFormat"/> as a JSON Schema (draft-07, which both yaml-language-server and NJsonSchema
/// read), so editors can check and complete world files. Generated, never edited by hand.
/// </summary>
public static class SchemaExporter
{
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    public static string Export()
    {
        var definitions = new JsonObject();
        foreach (var shape in WorldFormat.Objects.Where(o => o != WorldFormat.File))
        {
            definitions[shape.Name] = ObjectSchema(shape);
        }
        var root = ObjectSchema(WorldFormat.File);
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = $"TaleForge world file ({WorldFormat.Spec})",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            schema[key] = value;
        }
        schema["definitions"] = definitions;
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject ObjectSchema(ObjectShape shape)
    {
        var properties = new JsonObject();
        foreach (var field in shape.Fields)
        {
            properties[field.Name] = FieldSchema(field);
        }
        var schema = new JsonObject
        {
            ["description"] = shape.Description,
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        if (shape.ExactlyOne)
        {
            schema["minProperties"] = 1;
            schema["maxProperties"] = 1;
        }
        var required = shape.Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }
        return schema;
    }

    private static JsonObject FieldSchema(Field field)
    {
        var schema = ValueSchema(field.Shape);
        var description = field.Refers is null ? field.Description : $"{field.Description} (the id of {Noun.WithArticle(field.Refers)})";
        if (schema.ContainsKey("$ref"))
        {
            // In draft-07 keywords beside $ref are ignored, so the reference goes under allOf to keep the description.
            schema = new JsonObject { ["allOf"] = new JsonArray(schema) };
        }
        var result = new JsonObject { ["description"] = description };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            result[key] = value;
        }
        if (field.Default is { } text)
        {
            result["default"] = DefaultValue(field.Shape, text);
        }
        return result;
    }

    private static JsonObject ValueSchema(Shape shape) => shape switch
    {
        TextShape { Pattern: { } pattern } => new JsonObject { ["type"] = "string", ["pattern"] = pattern },
        TextShape => new JsonObject { ["type"] = "string" },
        IntegerShape integer => Bounded("integer", integer.Minimum, integer.Maximum),
        NumberShape number => Bounded("number", number.Minimum, number.Maximum),
        BooleanShape => new JsonObject { ["type"] = "boolean" },
        ChoiceShape choice => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. choice.Values.Select(v => (JsonNode)v)]) },
        TimeShape => new JsonObject { ["type"] = "string", ["pattern"] = TimeShape.Pattern },
        ListShape list => new JsonObject { ["type"] = "array", ["items"] = ValueSchema(list.Item) },
        MapShape => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
        },
        AnyShape => new JsonObject { ["type"] = "object" },
        ObjectRef reference => new JsonObject { ["$ref"] = $"#/definitions/{reference.Name}" },
        _ => throw new InvalidOperationException($"No schema for {shape.GetType().Name}."),
    };

    private static JsonObject Bounded<T>(string type, T? minimum, T? maximum)
        where T : struct
    {
        var schema = new JsonObject { ["type"] = type };
        if (minimum is { } min)
        {
            schema["minimum"] = JsonValue.Create(min);
        }
        if (maximum is { } max)
        {
            schema["maximum"] = JsonValue.Create(max);
        }
        return schema;
    }

    private static JsonNode DefaultValue(Shape shape, string yaml) => shape switch
    {
        BooleanShape => JsonValue.Create(yaml == "true"),
        IntegerShape => JsonValue.Create(int.Parse(yaml, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(yaml.Trim('"')),
    };
}

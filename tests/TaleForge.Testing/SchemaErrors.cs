using NJsonSchema;
using NJsonSchema.Validation;

namespace TaleForge.Testing;

/// <summary>What a JSON Schema finds wrong with a text, by kind and property, including errors inside alternatives (oneOf, anyOf).</summary>
public static class SchemaErrors
{
    public static IReadOnlyList<(ValidationErrorKind Kind, string? Property)> Of(JsonSchema schema, string json)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return [.. schema.Validate(json).SelectMany(Flatten)];
    }

    private static IEnumerable<(ValidationErrorKind, string?)> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(errors => errors).SelectMany(Flatten).Prepend((error.Kind, error.Property))
            : [(error.Kind, error.Property)];
}

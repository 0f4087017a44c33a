using System.Text.Json;
using NJsonSchema.Validation;
using Schema = NJsonSchema.JsonSchema;

namespace TaleForge.Inference.Structured;

/// <summary>Validates reply JSON against a schema and words the errors for the model to read.</summary>
internal sealed class ReplySchemaCheck
{
    private const int MaxReportedErrors = 5;

    private readonly Schema _schema;

    public ReplySchemaCheck(JsonElement schema)
    {
        // NJsonSchema reads a self-contained schema without I/O, so waiting here does not block on anything.
        _schema = Schema.FromJsonAsync(schema.GetRawText()).GetAwaiter().GetResult();
    }

    /// <summary>Null when <paramref name="json"/> (already known to be JSON) satisfies the schema, otherwise the reasons.</summary>
    public string? Check(string json)
    {
        var errors = _schema.Validate(json);
        if (errors.Count == 0)
        {
            return null;
        }
        var described = Flatten(errors).Select(Describe).Distinct().Take(MaxReportedErrors);
        return string.Join("; ", described);
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            var nested = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values.SelectMany(list => list),
                MultiTypeValidationError multi => multi.Errors.Values.SelectMany(list => list),
                _ => [],
            };
            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var path = (error.Path ?? "").TrimStart('#').Replace('.', '/');
        if (error.Kind == ValidationErrorKind.PropertyRequired && path.LastIndexOf('/') is >= 0 and var slash)
        {
            // NJsonSchema points at the missing property; the problem lies with the object that lacks it.
            path = path[..slash];
        }
        var schema = error.Schema;
        var detail = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not allowed",
            ValidationErrorKind.StringTooLong => $"text is longer than {schema?.MaxLength} characters",
            ValidationErrorKind.StringTooShort => $"text is shorter than {schema?.MinLength} characters",
            ValidationErrorKind.TooManyItems => $"list has more than {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"list has fewer than {schema?.MinItems} items",
            ValidationErrorKind.NumberTooBig => $"number is above {schema?.Maximum}",
            ValidationErrorKind.NumberTooSmall => $"number is below {schema?.Minimum}",
            ValidationErrorKind.NotInEnumeration => $"value is not one of {string.Join(", ", schema?.Enumeration.Select(v => v is string s ? $"\"{s}\"" : v?.ToString() ?? "null") ?? [])}",
            _ => Words(error.Kind.ToString()),
        };
        return path.Length == 0 ? detail : $"{path}: {detail}";
    }

    /// <summary>"IntegerExpected" reads as "integer expected".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

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
        try
        {
            // NJsonSchema reads a self-contained schema without I/O, so waiting here does not block on anything.
            _schema = Schema.FromJsonAsync(schema.GetRawText()).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is InvalidOperationException or Newtonsoft.Json.JsonException)
        {
            throw new InvalidOperationException($"the reply schema cannot be loaded for validation: {error.Message}", error);
        }
    }

    /// <summary>Null when <paramref name="json"/> (already known to be JSON) satisfies the schema, otherwise the reasons.</summary>
    public string? Check(string json)
    {
        var errors = _schema.Validate(json);
        if (errors.Count == 0)
        {
            return null;
        }
        var flat = Flatten(errors).ToList();
        // A value of the wrong type also lacks every required property; naming those would only distract.
        var wrongType = flat.Where(IsTypeError).Select(error => PathOf(error)).ToHashSet(StringComparer.Ordinal);
        var described = flat
            .Where(error => !(error.Kind == ValidationErrorKind.PropertyRequired && wrongType.Contains(PathOf(error))))
            .Select(Describe)
            .Distinct()
            .Take(MaxReportedErrors);
        return string.Join("; ", described);
    }

    /// <summary>The leaf errors: a wrapper ("array item not valid") gives way to the errors inside it.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var nested = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values.SelectMany(list => list).ToList(),
                MultiTypeValidationError multi => multi.Errors.Values.SelectMany(list => list).ToList(),
                _ => [],
            };
            if (nested.Count == 0)
            {
                yield return error;
                continue;
            }
            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static bool IsTypeError(ValidationError error) => error.Kind is ValidationErrorKind.ObjectExpected
        or ValidationErrorKind.ArrayExpected or ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected
        or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.NullExpected;

    /// <summary>"/sections[0]/title" for NJsonSchema's "#/sections[0].title"; "" for the whole value.</summary>
    private static string PathOf(ValidationError error)
    {
        var path = (error.Path ?? "").TrimStart('#').Replace('.', '/').TrimEnd('/');
        if (error.Kind == ValidationErrorKind.PropertyRequired && path.LastIndexOf('/') is >= 0 and var slash)
        {
            // NJsonSchema points at the missing property; the problem lies with the object that lacks it.
            path = path[..slash];
        }
        return path;
    }

    private static string Describe(ValidationError error)
    {
        var path = PathOf(error);
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

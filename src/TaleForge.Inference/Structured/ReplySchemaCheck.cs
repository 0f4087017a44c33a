using System.Text.Json;
using NJsonSchema.Validation;
using Schema = NJsonSchema.JsonSchema;

namespace TaleForge.Inference.Structured;

/// <summary>Validates reply JSON against a schema and says what breaks it, for the records and for the re-ask.</summary>
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

    /// <summary>Nothing when <paramref name="json"/> (already known to be JSON) satisfies the schema, otherwise what breaks it.</summary>
    public IReadOnlyList<ReplyViolation> Check(string json)
    {
        var errors = _schema.Validate(json);
        if (errors.Count == 0)
        {
            return [];
        }
        var flat = Flatten(errors).ToList();
        // A value of the wrong type also lacks every required property; naming those would only distract.
        var wrongType = flat.Where(IsTypeError).Select(error => PathOf(error)).ToHashSet(StringComparer.Ordinal);
        var described = flat
            .Where(error => !(error.Kind == ValidationErrorKind.PropertyRequired && wrongType.Contains(PathOf(error))))
            .Select(Describe)
            .DistinctBy(violation => violation.Text);
        return [.. OneTypeErrorPerPath(described).Take(MaxReportedErrors)];
    }

    /// <summary>
    /// A value that may be of several types (a string or null) fails once per type; the model reads one problem:
    /// "string or null expected", whose limit names the type that is not null when there is one.
    /// </summary>
    private static IEnumerable<ReplyViolation> OneTypeErrorPerPath(IEnumerable<ReplyViolation> violations)
    {
        var list = violations.ToList();
        foreach (var violation in list)
        {
            if (violation.Kind != ReplyViolation.WrongType)
            {
                yield return violation;
                continue;
            }
            var same = list.Where(v => v.Kind == ReplyViolation.WrongType && v.Path == violation.Path).ToList();
            if (same[0] != violation)
            {
                continue;
            }
            var types = same.Select(v => v.Limit ?? "").Distinct().OrderBy(t => t == "null").ToList();
            var detail = $"{string.Join(" or ", types)} expected";
            yield return violation with
            {
                Text = violation.Path.Length == 0 ? detail : $"{violation.Path}: {detail}",
                Limit = types[0],
            };
        }
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
        if (error.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed
            && path.LastIndexOf('/') is >= 0 and var slash)
        {
            // NJsonSchema points at the missing (or extra) property; the problem lies with the object that lacks (or has) it.
            path = path[..slash];
        }
        return path;
    }

    private static ReplyViolation Describe(ValidationError error)
    {
        var path = PathOf(error);
        var schema = error.Schema;
        var allowed = error.Kind == ValidationErrorKind.NotInEnumeration
            ? schema?.Enumeration.Select(v => v?.ToString() ?? "null").ToList() ?? []
            : [];
        (string kind, string? limit, string detail) = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => (ReplyViolation.Missing, null, $"required property '{error.Property}' is missing"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => (ReplyViolation.NotAllowed, null, $"property '{error.Property}' is not allowed"),
            ValidationErrorKind.StringTooLong => (ReplyViolation.TooLong, Number(schema?.MaxLength), $"text is longer than {schema?.MaxLength} characters"),
            ValidationErrorKind.StringTooShort => (ReplyViolation.TooShort, Number(schema?.MinLength), $"text is shorter than {schema?.MinLength} characters"),
            ValidationErrorKind.TooManyItems => (ReplyViolation.TooMany, Number(schema?.MaxItems), $"list has more than {schema?.MaxItems} items"),
            ValidationErrorKind.TooFewItems => (ReplyViolation.TooFew, Number(schema?.MinItems), $"list has fewer than {schema?.MinItems} items"),
            ValidationErrorKind.NumberTooBig => (ReplyViolation.TooBig, Number(schema?.Maximum), $"number is above {schema?.Maximum}"),
            ValidationErrorKind.NumberTooSmall => (ReplyViolation.TooSmall, Number(schema?.Minimum), $"number is below {schema?.Minimum}"),
            ValidationErrorKind.NotInEnumeration => (ReplyViolation.NotOneOf, null,
                $"value is not one of {string.Join(", ", schema?.Enumeration.Select(v => v is string s ? $"\"{s}\"" : v?.ToString() ?? "null") ?? [])}"),
            _ when IsTypeError(error) => (ReplyViolation.WrongType, TypeExpected(error.Kind), Words(error.Kind.ToString())),
            _ => (ReplyViolation.Other, null, Words(error.Kind.ToString())),
        };
        return new ReplyViolation(path, kind, path.Length == 0 ? detail : $"{path}: {detail}")
        {
            Property = kind is ReplyViolation.Missing or ReplyViolation.NotAllowed ? error.Property : null,
            Limit = limit,
            Allowed = allowed,
        };
    }

    private static string? Number(object? value) => value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"StringExpected" → "string": the JSON type a template names in its own language.</summary>
    private static string TypeExpected(ValidationErrorKind kind) => kind.ToString().Replace("Expected", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>"IntegerExpected" reads as "integer expected".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

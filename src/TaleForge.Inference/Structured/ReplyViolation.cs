namespace TaleForge.Inference.Structured;

/// <summary>
/// One thing wrong with a reply, in parts a re-ask can word in any language: where it is (a JSON pointer such as
/// "/command"; "" for the whole value), what kind of problem (one of the names below), and its particulars.
/// <see cref="Text"/> words it in English, as the records keep it.
/// </summary>
public sealed record ReplyViolation(string Path, string Kind, string Text)
{
    public const string Missing = "missing";
    public const string NotAllowed = "not_allowed";
    public const string TooLong = "too_long";
    public const string TooShort = "too_short";
    public const string TooMany = "too_many";
    public const string TooFew = "too_few";
    public const string TooBig = "too_big";
    public const string TooSmall = "too_small";
    public const string NotOneOf = "not_one_of";
    public const string WrongType = "wrong_type";
    public const string Other = "other";

    /// <summary>The property missing or not allowed; null for other kinds.</summary>
    public string? Property { get; init; }

    /// <summary>The bound broken (a length, a count, a number) or, for a wrong type, the type expected.</summary>
    public string? Limit { get; init; }

    /// <summary>The values allowed, for a value that is not one of them.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>A value outside a list of choices that only the caller knows (a rule, not the schema).</summary>
    public static ReplyViolation NotAmong(string path, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(allowed);
        var where = path.TrimStart('/');
        return new ReplyViolation(path, NotOneOf, $"{where} must be one of: {string.Join(", ", allowed)}") { Allowed = allowed };
    }
}

/// <summary>Why a reply was refused, as a re-ask words it: the failure, its English reason, and the violations in parts.</summary>
public sealed record ReplyProblem(ReplyFailure Failure, string Text, IReadOnlyList<ReplyViolation> Violations);

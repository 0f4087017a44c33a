using System.Diagnostics.CodeAnalysis;

namespace TaleForge.Inference.Structured;

/// <summary>
/// The outcome of a typed request: the accepted value, or failure after the last attempt, and every attempt made.
/// A failure is data, not an exception: the caller keeps its previous state and records the attempts.
/// </summary>
public sealed record TypedResult<T>(T? Value, IReadOnlyList<TypedAttempt> Attempts)
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Attempts.Count > 0 && Attempts[^1].Failure == ReplyFailure.None;

    /// <summary>Why the last attempt was refused; null on success.</summary>
    public string? Error => Succeeded ? null : Attempts[^1].Error;

    /// <summary>Attempts refused for format: empty, not JSON, against the schema, or not binding to the type.</summary>
    public int FormatFailures => Attempts.Count(attempt => attempt.Failure.IsFormatFailure());

    /// <summary>Attempts refused by the caller's check.</summary>
    public int RuleViolations => Attempts.Count(attempt => attempt.Failure == ReplyFailure.RuleViolation);

    /// <summary>Attempts where the backend threw.</summary>
    public int ModelErrors => Attempts.Count(attempt => attempt.Failure == ReplyFailure.ModelError);

    public long InputTokens => Attempts.Sum(attempt => attempt.InputTokens ?? 0);

    public long OutputTokens => Attempts.Sum(attempt => attempt.OutputTokens ?? 0);

    public TimeSpan Duration => Attempts.Aggregate(TimeSpan.Zero, (total, attempt) => total + attempt.Duration);
}

using System.Diagnostics.CodeAnalysis;

namespace TaleForge.Inference.Structured;

/// <summary>The outcome of reading one reply: the value, or why it was refused.</summary>
public sealed record ReplyReading<T>(T? Value, ReplyFailure Failure, string? Error)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Failure == ReplyFailure.None;

    public static ReplyReading<T> Accepted(T value) => new(value, ReplyFailure.None, null);

    /// <summary>The schema's or the rule's violations, in parts (empty for other failures).</summary>
    public IReadOnlyList<ReplyViolation> Violations { get; init; } = [];

    public static ReplyReading<T> Refused(ReplyFailure failure, string error) => new(default, failure, error);
}

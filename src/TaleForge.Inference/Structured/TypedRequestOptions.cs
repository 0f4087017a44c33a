namespace TaleForge.Inference.Structured;

/// <summary>How a <see cref="TypedRequest{T}"/> asks and re-asks.</summary>
public sealed record TypedRequestOptions
{
    /// <summary>Asks in all, first included; 1 means no re-ask. Between 1 and 10.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The schema name sent with the response format; defaults to the record's type name.</summary>
    public string? SchemaName { get; init; }

    /// <summary>A description of the expected value, sent with the response format.</summary>
    public string? SchemaDescription { get; init; }

    /// <summary>
    /// How many characters of an invalid reply are repeated back to the model with the error; longer replies are
    /// cut, so a runaway reply cannot fill the context.
    /// </summary>
    public int EchoLimit { get; init; } = 2000;

    /// <summary>
    /// The message that asks again after an invalid reply, given what was wrong with it; null: an English one. A
    /// world in another language words it in that language, violations included, so a re-ask does not switch the
    /// model's language.
    /// </summary>
    public Func<ReplyProblem, string>? Reask { get; init; }

    /// <summary>The clock that times attempts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

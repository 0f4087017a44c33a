namespace TaleForge.Inference.Structured;

/// <summary>One ask of a typed request: what came back, whether it was accepted, what it cost.</summary>
/// <param name="Number">1 for the first ask, 2 for the first re-ask, ...</param>
/// <param name="RawText">The reply exactly as the model wrote it ("" when the backend threw).</param>
/// <param name="Failure">Why it was refused, or <see cref="ReplyFailure.None"/>.</param>
/// <param name="Error">The reason in words, as fed back to the model; null when accepted.</param>
/// <param name="ModelId">The model that answered, as the backend reports it.</param>
/// <param name="InputTokens">Prompt tokens, as the backend reports them.</param>
/// <param name="OutputTokens">Reply tokens, as the backend reports them.</param>
/// <param name="Duration">Wall time of the call.</param>
public sealed record TypedAttempt(
    int Number,
    string RawText,
    ReplyFailure Failure,
    string? Error,
    string? ModelId,
    long? InputTokens,
    long? OutputTokens,
    TimeSpan Duration);

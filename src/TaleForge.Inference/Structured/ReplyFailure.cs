namespace TaleForge.Inference.Structured;

/// <summary>Why one reply was not accepted. The format failures are counted per model and role.</summary>
public enum ReplyFailure
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The backend threw instead of replying.</summary>
    ModelError,

    /// <summary>Format failure: nothing but whitespace came back.</summary>
    EmptyReply,

    /// <summary>Format failure: the text is not JSON.</summary>
    NotJson,

    /// <summary>Format failure: JSON that breaks the schema (missing property, wrong type, too long, ...).</summary>
    SchemaViolation,

    /// <summary>Format failure: valid against the schema, yet it does not bind to the record type.</summary>
    WrongShape,

    /// <summary>Well-formed, but the caller's check refused it (an exit that does not exist, ...).</summary>
    RuleViolation,
}

public static class ReplyFailureExtensions
{
    /// <summary>Whether the reply failed on format (as opposed to the backend or the game's rules).</summary>
    public static bool IsFormatFailure(this ReplyFailure failure) =>
        failure is ReplyFailure.EmptyReply or ReplyFailure.NotJson or ReplyFailure.SchemaViolation or ReplyFailure.WrongShape;
}

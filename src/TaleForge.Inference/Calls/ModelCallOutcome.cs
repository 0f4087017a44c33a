namespace TaleForge.Inference.Calls;

/// <summary>How a model call ended.</summary>
public enum ModelCallOutcome
{
    /// <summary>The backend returned a whole response.</summary>
    Completed,

    /// <summary>The backend threw; <see cref="ModelCallRecord.Exception"/> says why.</summary>
    Failed,

    /// <summary>The caller's cancellation token stopped the call.</summary>
    Cancelled,

    /// <summary>A streaming caller stopped reading before the end.</summary>
    Abandoned,
}

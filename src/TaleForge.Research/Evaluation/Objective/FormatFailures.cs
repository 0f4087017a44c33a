using System.Collections.Immutable;
using TaleForge.Engine.Agents;
using TaleForge.Inference.Structured;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>
/// How often a model's replies were refused, per model and role, over every call a trajectory recorded (branches
/// included: each attempt was really made). An attempt is one ask; a call of three asks whose third was accepted
/// has three attempts and two refusals. Format failures are the refusals for form (empty, not JSON, against the
/// schema, wrong shape), apart from the backend failing or the game's rules refusing a well-formed reply.
/// </summary>
public sealed record FormatFailureRow(string Model, string Role, int Calls, int Attempts, int Refused, int FormatFailures, int FailedCalls)
{
    /// <summary>Format failures per attempt.</summary>
    public double FormatFailureRate => Attempts == 0 ? 0 : (double)FormatFailures / Attempts;

    /// <summary>Refused attempts (for any reason) per attempt.</summary>
    public double RefusalRate => Attempts == 0 ? 0 : (double)Refused / Attempts;
}

public static class FormatFailures
{
    public static ImmutableArray<FormatFailureRow> Of(IEnumerable<PlayedEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var calls = episodes.SelectMany(e => e.File.Calls)
            .Where(c => c.Model != PlayedEpisode.Human && c.Role.Kind != RoleKind.Player);
        return [.. calls
            .GroupBy(c => (c.Model, c.Role))
            .Select(g => new FormatFailureRow(
                g.Key.Model,
                g.Key.Role.ToString(),
                g.Count(),
                g.Sum(c => c.RefusedAttempts.Length + (c.Failure is null ? 1 : 0)),
                g.Sum(c => c.RefusedAttempts.Length),
                g.Sum(c => c.RefusedAttempts.Count(IsFormatFailure)),
                g.Count(c => c.Failure is not null)))
            .OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal)];
    }

    /// <summary>A recorded attempt's error reads "Kind: reason", the kind being a <see cref="ReplyFailure"/>.</summary>
    public static bool IsFormatFailure(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? error : error[..colon];
        return Enum.TryParse<ReplyFailure>(kind.Trim(), ignoreCase: false, out var failure) && failure.IsFormatFailure();
    }
}

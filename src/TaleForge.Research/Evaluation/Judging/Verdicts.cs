using System.Collections.Immutable;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>What every verdict of the judge holds: where it applies, the scores, the critique, and how it went.</summary>
public abstract record Verdict
{
    public required string Trajectory { get; init; }
    public required string Scene { get; init; }

    /// <summary>The model that played the judged role.</summary>
    public required string Model { get; init; }

    /// <summary>Scores in the order of the dimensions judged; empty when the judge gave no usable verdict.</summary>
    public ImmutableArray<int> Scores { get; init; } = [];

    public string Critique { get; init; } = "";
    public int Attempts { get; init; }
    public int FormatFailures { get; init; }

    /// <summary>Why the judge gave no verdict, when it did not.</summary>
    public string? Failure { get; init; }

    /// <summary>Why each refused attempt was refused.</summary>
    public ImmutableArray<string> Refusals { get; init; } = [];

    public bool Judged => !Scores.IsDefaultOrEmpty;

    /// <summary>The mean of the scores (CharacterBox's "Average").</summary>
    public double? Average => Judged ? Scores.Average() : null;
}

/// <summary>The judge's verdict on one character in one scene of one trajectory (scores in <see cref="CharacterDimensions.All"/> order).</summary>
public sealed record CharacterVerdict : Verdict
{
    public required string Character { get; init; }

    /// <summary>Rounds shown to the judge.</summary>
    public int Rounds { get; init; }
}

/// <summary>
/// The judge's verdict on one type of the narrator's calls in one scene of one trajectory (scores in
/// <see cref="NarratorMaxims.All"/> order), as CharacterBox judges its narrator record by record type.
/// </summary>
public sealed record NarratorCallVerdict : Verdict
{
    /// <summary>The <see cref="NarratorCallType.Key"/> judged.</summary>
    public required string CallType { get; init; }

    /// <summary>Calls of that type shown to the judge.</summary>
    public int Calls { get; init; }
}

/// <summary>The judge's verdict on the narrator in one scene of one trajectory (scores in <see cref="NarratorMaxims.All"/> order).</summary>
public sealed record NarratorVerdict : Verdict
{
    /// <summary>Narrator lines shown to the judge.</summary>
    public int Lines { get; init; }
}

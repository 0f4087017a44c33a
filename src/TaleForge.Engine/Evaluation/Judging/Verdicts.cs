using System.Collections.Immutable;

namespace TaleForge.Engine.Evaluation.Judging;

/// <summary>The judge's verdict on one character in one scene of one trajectory: the row of the judged CSV.</summary>
public sealed record CharacterVerdict
{
    public required string Trajectory { get; init; }
    public required string Scene { get; init; }
    public required string Character { get; init; }

    /// <summary>The model that played the character.</summary>
    public required string Model { get; init; }

    /// <summary>Rounds shown to the judge.</summary>
    public int Rounds { get; init; }

    /// <summary>Scores in <see cref="CharacterDimensions.All"/> order; empty when the judge gave no usable verdict.</summary>
    public ImmutableArray<int> Scores { get; init; } = [];

    public string Critique { get; init; } = "";
    public int Attempts { get; init; }
    public int FormatFailures { get; init; }

    /// <summary>Why the judge gave no verdict, when it did not.</summary>
    public string? Failure { get; init; }

    /// <summary>Why each refused attempt was refused.</summary>
    public ImmutableArray<string> Refusals { get; init; } = [];

    public bool Judged => !Scores.IsDefaultOrEmpty;

    /// <summary>The mean of the seven scores (CharacterBox's "Average").</summary>
    public double? Average => Judged ? Scores.Average() : null;
}

/// <summary>The judge's verdict on the narrator in one scene of one trajectory.</summary>
public sealed record NarratorVerdict
{
    public required string Trajectory { get; init; }
    public required string Scene { get; init; }
    public required string Model { get; init; }

    /// <summary>Narrator lines shown to the judge.</summary>
    public int Lines { get; init; }

    /// <summary>Scores in <see cref="NarratorMaxims.All"/> order; empty when the judge gave no usable verdict.</summary>
    public ImmutableArray<int> Scores { get; init; } = [];

    public string Critique { get; init; } = "";
    public int Attempts { get; init; }
    public int FormatFailures { get; init; }
    public string? Failure { get; init; }
    public ImmutableArray<string> Refusals { get; init; } = [];

    public bool Judged => !Scores.IsDefaultOrEmpty;
    public double? Average => Judged ? Scores.Average() : null;
}

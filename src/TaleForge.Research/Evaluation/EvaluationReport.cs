using System.Collections.Immutable;
using TaleForge.Research.Evaluation.Comparison;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Objective;

namespace TaleForge.Research.Evaluation;

/// <summary>A trajectory that was evaluated, as the report lists it.</summary>
public sealed record EvaluatedTrajectory(string Name, string World, long Seed, string Mode, int Events, int Calls, int Scenes, ImmutableArray<string> Warnings)
{
    /// <summary>The round pipeline it was played by ("taleforge" or "characterbox"), as its header says.</summary>
    public string Protocol { get; init; } = ProtocolNames.TaleForge;
}

/// <summary>Everything one evaluation found: judged scores (when a judge was given), their aggregates, and the objective metrics.</summary>
public sealed record EvaluationReport
{
    public ImmutableArray<EvaluatedTrajectory> Trajectories { get; init; } = [];

    /// <summary>The judge model, or null when no judge was given.</summary>
    public string? Judge { get; init; }

    /// <summary>The model that answered the inventory in character, or null when there was no interview.</summary>
    public string? Interviewer { get; init; }

    public long Seed { get; init; }

    public ImmutableArray<CharacterVerdict> CharacterVerdicts { get; init; } = [];
    public ImmutableArray<NarratorVerdict> NarratorVerdicts { get; init; } = [];

    /// <summary>The narrator judged per call type (characterbox-protocol episodes only); empty otherwise.</summary>
    public ImmutableArray<NarratorCallVerdict> NarratorCallVerdicts { get; init; } = [];

    public ImmutableArray<AggregateScores> CharactersByModel => Aggregation.ByModel(CharacterVerdicts);
    public ImmutableArray<AggregateScores> CharactersByCharacter => Aggregation.ByCharacter(CharacterVerdicts);
    public ImmutableArray<AggregateScores> CharactersByScene => Aggregation.ByScene(CharacterVerdicts);
    public AggregateScores? CharactersOverall => Aggregation.Overall(CharacterVerdicts);
    public ImmutableArray<AggregateScores> NarratorByModel => Aggregation.NarratorByModel(NarratorVerdicts);

    /// <summary>One score set per narrator call type and model: "Action Influence (model)", in CharacterBox's type order.</summary>
    public ImmutableArray<AggregateScores> NarratorByCallType => Aggregation.NarratorByCallType(NarratorCallVerdicts);

    /// <summary>Per work (the world a trajectory played) and model: "work (model)".</summary>
    public ImmutableArray<AggregateScores> CharactersByWork => Aggregation.By(CharacterVerdicts, v => $"{WorkOf(v.Trajectory)} ({v.Model})");

    /// <summary>Per protocol and model: "protocol (model)".</summary>
    public ImmutableArray<AggregateScores> CharactersByProtocol => Aggregation.By(CharacterVerdicts, v => $"{ProtocolOf(v.Trajectory)} ({v.Model})");

    /// <summary>Groups compared with bootstrap intervals (<c>eval --compare-by</c>); empty when none was asked.</summary>
    public ImmutableArray<GroupDifference> Comparisons { get; init; } = [];

    /// <summary>The world the named trajectory played ("" for a name the report does not list).</summary>
    public string WorkOf(string trajectory) => Trajectories.FirstOrDefault(t => t.Name == trajectory)?.World ?? "";

    /// <summary>The protocol the named trajectory was played by ("" for a name the report does not list).</summary>
    public string ProtocolOf(string trajectory) => Trajectories.FirstOrDefault(t => t.Name == trajectory)?.Protocol ?? "";

    public ImmutableArray<FormatFailureRow> FormatFailures { get; init; } = [];
    public ImmutableArray<CharacterMetricsRow> Characters { get; init; } = [];
    public ImmutableArray<InterviewResult> Interviews { get; init; } = [];

    public ImmutableArray<ObjectiveModelRow> ObjectiveByModel => Objective.ObjectiveByModel.Of(FormatFailures, Characters);
}

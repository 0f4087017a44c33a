using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Evaluation.Episodes;

/// <summary>
/// What evaluation reads from a trajectory file, and nothing more. This is the one place that knows the trajectory
/// reader: a change of the file format or of its reader touches only this file.
/// </summary>
public sealed record RecordedTrajectory
{
    public required string Path { get; init; }

    /// <summary>What the file records about its world (id, source, hash), to open and check it with (<see cref="WorldRecording.Open"/>).</summary>
    public required WorldRecording World { get; init; }
    public long Seed { get; init; }
    public string Mode { get; init; } = "";

    /// <summary>The character a person played, if any.</summary>
    public string? Player { get; init; }

    /// <summary>The episode as its header specifies it: among others, the model each role was given.</summary>
    public required EpisodeSpec Spec { get; init; }

    /// <summary>The events of the branch played last, oldest first.</summary>
    public ImmutableArray<RecordedEvent> MainPath { get; init; } = [];

    /// <summary>Every model call, on every branch (each was really made).</summary>
    public ImmutableArray<RecordedCall> Calls { get; init; } = [];

    /// <summary>What the reader skipped (a last line cut short), worded for the user.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Reads a trajectory file; damage is a <see cref="Core.TaleForgeException"/> naming the file and line.</summary>
    public static RecordedTrajectory Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = TrajectoryFile.Read(path);
        return new RecordedTrajectory
        {
            Path = file.Path,
            World = file.Header.World.RecordedIn(file.Path),
            Seed = file.Header.Seed,
            Mode = file.Header.Mode,
            Player = file.Header.Player,
            Spec = EpisodeSpec.Of(file.Header),
            MainPath = [.. file.MainPath().Select(e => new RecordedEvent(e.Step, e.Line, e.Round, e.Phase, e.Actor, e.Observers, e.Event) { Source = e })],
            Calls = [.. file.Calls.Select(c => new RecordedCall(c.Role, c.Model, [.. c.Attempts.Select(a => a.Error)], c.Failure)
            {
                Step = c.Step,
                Schema = c.Schema,
                // Only the narrator's exchanges are judged call by call; the rest are kept for counting.
                Asked = c.Role == Role.Narrator && c.Prompt.Length > 0 ? c.Prompt[^1].Text : "",
                Answered = c.Role == Role.Narrator ? c.Raw : "",
            })],
            Warnings = file.Warnings,
        };
    }
}

/// <summary>An event as played: its step and line in the file, where in the story, who did it and who perceived it.</summary>
public sealed record RecordedEvent(
    long Step, int Line, int Round, NarratorPhase Phase, string? Actor, ImmutableArray<string> Observers, WorldEvent Event)
{
    /// <summary>The line as read, with the texts the event was told in (<see cref="EventRecord.Told"/>).</summary>
    public required EventRecord Source { get; init; }
}

/// <summary>A model call: who asked which model, why each refused attempt was refused ("Kind: reason"), and the failure if none was accepted.</summary>
public sealed record RecordedCall(Role Role, string Model, ImmutableArray<string> RefusedAttempts, string? Failure)
{
    public long Step { get; init; }
    public string Schema { get; init; } = "";

    /// <summary>For the narrator's calls, the question it was asked (the user message) and its reply; "" otherwise.</summary>
    public string Asked { get; init; } = "";

    public string Answered { get; init; } = "";
}

using System.Collections.Immutable;
using TaleForge.Research.Evaluation.Episodes;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Objective;

namespace TaleForge.Research.Evaluation;

/// <summary>
/// Evaluates episodes: the objective metrics always; with a judge, a verdict for every character in every scene it
/// acted in and for the narrator in every scene it spoke in; with an interviewer, the inventory for every character
/// that acted. Verdicts are asked concurrently (a batching backend decodes them together) and reported in order.
/// </summary>
public sealed class Evaluator
{
    public Judge? Judge { get; init; }
    public BigFiveInterview? Interview { get; init; }

    /// <summary>Questions in flight at once.</summary>
    public int Parallel { get; init; } = 4;

    public long Seed { get; init; }

    /// <summary>Told "judged 3 of 12" and the like as work finishes.</summary>
    public IProgress<string>? Progress { get; init; }

    public async Task<EvaluationReport> EvaluateAsync(IReadOnlyList<PlayedEpisode> episodes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallel, 1);
        var characterVerdicts = ImmutableArray<CharacterVerdict>.Empty;
        var narratorVerdicts = ImmutableArray<NarratorVerdict>.Empty;
        var narratorCallVerdicts = ImmutableArray<NarratorCallVerdict>.Empty;
        if (Judge is { } judge)
        {
            (characterVerdicts, narratorVerdicts) = await JudgeAllAsync(judge, episodes, cancellation).ConfigureAwait(false);
            narratorCallVerdicts = await JudgeNarratorCallsAsync(judge, episodes, cancellation).ConfigureAwait(false);
        }
        var interviews = ImmutableArray.CreateBuilder<InterviewResult>();
        if (Interview is { } interview)
        {
            var cast = episodes
                .SelectMany(e => e.Scenes.SelectMany(Judging.Judge.Performers).Select(c => (e.World, Character: c)))
                .DistinctBy(x => (x.World.Info.Id, x.Character))
                .OrderBy(x => x.World.Info.Id, StringComparer.Ordinal).ThenBy(x => x.Character, StringComparer.Ordinal)
                .ToList();
            foreach (var (world, character) in cast)
            {
                interviews.Add(await interview.InterviewAsync(world, character, Parallel, cancellation).ConfigureAwait(false));
                Progress?.Report($"interviewed {interviews.Count} of {cast.Count} characters");
            }
        }
        return new EvaluationReport
        {
            Trajectories = [.. episodes.Select(e => new EvaluatedTrajectory(
                e.Name, e.World.Info.Id, e.File.Seed, e.File.Mode, e.Path.Length, e.File.Calls.Length, e.Scenes.Length, e.File.Warnings)
            {
                Protocol = ProtocolNames.Of(e.File.Spec.Protocol),
            })],
            Judge = Judge?.Model,
            Interviewer = Interview is null ? null : interviews.FirstOrDefault()?.Model,
            Seed = Seed,
            CharacterVerdicts = characterVerdicts,
            NarratorVerdicts = narratorVerdicts,
            NarratorCallVerdicts = narratorCallVerdicts,
            FormatFailures = FormatFailures.Of(episodes),
            Characters = CharacterMetrics.Of(episodes),
            Interviews = interviews.ToImmutable(),
        };
    }

    private async Task<(ImmutableArray<CharacterVerdict>, ImmutableArray<NarratorVerdict>)> JudgeAllAsync(
        Judge judge, IReadOnlyList<PlayedEpisode> episodes, CancellationToken cancellation)
    {
        using var slots = new SemaphoreSlim(Parallel);
        var total = episodes.Sum(e => e.Scenes.Sum(s => Judging.Judge.Performers(s).Count() + 1));
        var done = 0;
        async Task<T> Slot<T>(Func<Task<T>> work)
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
                Progress?.Report($"judged {Interlocked.Increment(ref done)} of {total}");
            }
        }
        var characters = episodes.SelectMany(e => e.Scenes.SelectMany(s => Judging.Judge.Performers(s)
            .Order(StringComparer.Ordinal)
            .Select(c => Slot(() => judge.JudgeCharacterAsync(e, s, c, cancellation))))).ToList();
        var narrators = episodes.SelectMany(e => e.Scenes.Select(s => Slot(() => judge.JudgeNarratorAsync(e, s, cancellation)))).ToList();
        var judgedCharacters = await Task.WhenAll(characters).ConfigureAwait(false);
        var judgedNarrators = await Task.WhenAll(narrators).ConfigureAwait(false);
        return ([.. judgedCharacters], [.. judgedNarrators.OfType<NarratorVerdict>()]);
    }

    /// <summary>
    /// Episodes played by the characterbox protocol also have their narrator judged per call type, scene by scene,
    /// as CharacterBox's narrator evaluation does.
    /// </summary>
    private async Task<ImmutableArray<NarratorCallVerdict>> JudgeNarratorCallsAsync(
        Judge judge, IReadOnlyList<PlayedEpisode> episodes, CancellationToken cancellation)
    {
        using var slots = new SemaphoreSlim(Parallel);
        var asked = episodes
            .Where(e => e.File.Spec.Protocol == Engine.Trajectories.EpisodeProtocol.CharacterBox)
            .SelectMany(e => e.Scenes.SelectMany(s => NarratorCallType.All.Select(async type =>
            {
                await slots.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    return await judge.JudgeNarratorCallsAsync(e, s, type, cancellation).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }))).ToList();
        return [.. (await Task.WhenAll(asked).ConfigureAwait(false)).OfType<NarratorCallVerdict>()];
    }
}

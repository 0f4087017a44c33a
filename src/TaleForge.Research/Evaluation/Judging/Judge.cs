using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Narration;
using TaleForge.Inference.Seeds;
using TaleForge.Inference.Structured;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// A language model that scores performances: each character in each scene on CharacterBox's seven dimensions,
/// and the narrator in each scene on Grice's maxims. Greedy decoding and a seed derived from the trajectory, the
/// scene and the one judged make every verdict reproducible and independent of the order verdicts are asked in.
/// </summary>
public sealed class Judge
{

    /// <summary>Longest line shown, tried in turn until the prompt fits the judge's context.</summary>
    private static readonly int[] LineLengths = [400, 160, 80];

    private readonly ModelRole _role;
    private readonly PromptSet _prompts;
    private readonly long _seed;
    private readonly JsonElement _characterSchema;
    private readonly JsonElement _narratorSchema;
    private readonly int _characterReply;
    private readonly int _narratorReply;

    /// <param name="critiqueLength">Longest critique in characters (at most <see cref="JudgeLimits.CritiqueLength"/>): the
    /// critique is most of what a verdict costs to generate, so a shorter one judges faster.</param>
    /// <param name="prompts">The templates the judge's questions are worded with; built-in when null.</param>
    public Judge(ModelRole role, long seed, int critiqueLength = JudgeLimits.CritiqueLength, PromptSet? prompts = null)
    {
        _role = role ?? throw new ArgumentNullException(nameof(role));
        _prompts = prompts ?? ResearchPrompts.BuiltIn;
        ArgumentOutOfRangeException.ThrowIfLessThan(critiqueLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(critiqueLength, JudgeLimits.CritiqueLength);
        _seed = seed;
        _characterSchema = WithCritiqueLength(TypedJson.SchemaFor<CharacterJudgement>(), critiqueLength);
        _narratorSchema = WithCritiqueLength(TypedJson.SchemaFor<NarratorJudgement>(), critiqueLength);
        _characterReply = WorstCaseReply.Tokens(_characterSchema);
        _narratorReply = WorstCaseReply.Tokens(_narratorSchema);
    }

    /// <summary>The verdict's schema with a tighter bound on the critique (narrowing: every reply still binds to the record).</summary>
    private static JsonElement WithCritiqueLength(JsonElement schema, int length)
    {
        var node = JsonNode.Parse(schema.GetRawText())!;
        node["properties"]!["critique"]!["maxLength"] = length;
        return JsonSerializer.SerializeToElement(node);
    }

    public string Model => _role.Model;

    /// <summary>Who can be judged in a scene: every character with at least one doing of its own there.</summary>
    public static IEnumerable<string> Performers(PlayedScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return scene.Events.Select(Doings.ActorOf).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    public async Task<CharacterVerdict> JudgeCharacterAsync(PlayedEpisode episode, PlayedScene scene, string character, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(character);
        var definition = episode.World.Character(character);
        var exchanges = CharacterRounds.Of(scene, character);
        var rounds = exchanges.Select(x => x.Round).Distinct().ToList();
        var language = episode.World.Info.Language;
        var sceneFields = JudgePrompt.Scene(episode.World, scene);
        var characterFields = JudgePrompt.Character(definition);
        var rubric = JudgePrompt.CharacterSystem(_prompts, language);
        IEnumerable<(string, string)> Prompts()
        {
            foreach (var length in LineLengths)
            {
                for (var kept = rounds.Count; kept >= 1; kept--)
                {
                    var shown = exchanges.Where(x => rounds.IndexOf(x.Round) < kept);
                    yield return (rubric, _prompts.Render(ResearchPrompts.CharacterJudge, language,
                        new CharacterJudgeFields(sceneFields, characterFields, JudgePrompt.Performance(shown, length))));
                }
            }
        }
        var (system, user) = ModelQuestion.FirstThatFits(_role, _characterReply, $"judging {definition.Name} in scene {scene.Key}", Prompts());
        var answer = await ModelQuestion.AskAsync<CharacterJudgement>(
            _role, "character_judgement", system, user, _characterReply, SeedFor(episode, scene, character), cancellation, _characterSchema);
        return new CharacterVerdict
        {
            Trajectory = episode.Name,
            Scene = scene.Key,
            Character = character,
            Model = episode.ModelOf(character),
            Rounds = rounds.Count,
            Scores = answer.Value?.Scores ?? [],
            Critique = answer.Value?.Critique.Trim() ?? "",
            Attempts = answer.Attempts,
            FormatFailures = answer.FormatFailures,
            Failure = answer.Failure,
            Refusals = [.. answer.Refusals],
        };
    }

    /// <summary>The narrator's verdict in a scene, or null when the narrator wrote nothing of its own there.</summary>
    public async Task<NarratorVerdict?> JudgeNarratorAsync(PlayedEpisode episode, PlayedScene scene, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(scene);
        var lines = Transcript(scene);
        var narratorLines = lines.Count(l => l.Narrator);
        if (narratorLines == 0)
        {
            return null;
        }
        var language = episode.World.Info.Language;
        var sceneFields = JudgePrompt.Scene(episode.World, scene);
        var rubric = JudgePrompt.NarratorSystem(_prompts, language);
        string User(IEnumerable<(string Text, bool Narrator)> shown, int length) => _prompts.Render(ResearchPrompts.NarratorJudge, language,
            new NarratorJudgeFields(sceneFields, [.. shown.Select(l => new TranscriptLineFields(JudgePrompt.Cut(l.Text, length), l.Narrator))]));
        IEnumerable<(string, string)> Prompts()
        {
            foreach (var length in LineLengths)
            {
                yield return (rubric, User(lines, length));
            }
            // Shorter still: the narrator's lines alone, then fewer of them.
            var own = lines.Where(l => l.Narrator).ToList();
            for (var kept = own.Count; kept >= 1; kept = kept * 2 / 3)
            {
                yield return (rubric, User(own.Take(kept), LineLengths[^1]));
                if (kept == 1)
                {
                    break;
                }
            }
        }
        var (system, user) = ModelQuestion.FirstThatFits(_role, _narratorReply, $"judging the narrator in scene {scene.Key}", Prompts());
        var answer = await ModelQuestion.AskAsync<NarratorJudgement>(
            _role, "narrator_judgement", system, user, _narratorReply, SeedFor(episode, scene, Engine.Agents.Role.Narrator.ToString()), cancellation, _narratorSchema);
        return new NarratorVerdict
        {
            Trajectory = episode.Name,
            Scene = scene.Key,
            Model = episode.NarratorModel,
            Lines = narratorLines,
            Scores = answer.Value?.Scores ?? [],
            Critique = answer.Value?.Critique.Trim() ?? "",
            Attempts = answer.Attempts,
            FormatFailures = answer.FormatFailures,
            Failure = answer.Failure,
            Refusals = [.. answer.Refusals],
        };
    }

    /// <summary>
    /// The verdict on one type of the narrator's calls in a scene, or null when the narrator made no such call there.
    /// The calls shown are those recorded between the scene's first event and the next scene's.
    /// </summary>
    public async Task<NarratorCallVerdict?> JudgeNarratorCallsAsync(
        PlayedEpisode episode, PlayedScene scene, NarratorCallType type, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(type);
        var calls = CallsIn(episode, scene).Where(c => c.Schema == type.Schema && c.Answered.Length > 0).ToList();
        if (calls.Count == 0)
        {
            return null;
        }
        var language = episode.World.Info.Language;
        var sceneFields = JudgePrompt.Scene(episode.World, scene);
        var system = NarratorCallJudgePrompt.System(_prompts, language, type);
        IEnumerable<(string, string)> Prompts()
        {
            foreach (var length in LineLengths.Prepend(LineLengths[0] * 4))
            {
                for (var kept = calls.Count; kept >= 1; kept = kept * 2 / 3)
                {
                    yield return (system, NarratorCallJudgePrompt.User(_prompts, language, sceneFields, type, calls.Take(kept).Select(c => (c.Asked, c.Answered)), length));
                    if (kept == 1)
                    {
                        break;
                    }
                }
            }
        }
        var (chosenSystem, user) = ModelQuestion.FirstThatFits(_role, _narratorReply, $"judging the narrator's {type.Name} calls in scene {scene.Key}", Prompts());
        var answer = await ModelQuestion.AskAsync<NarratorJudgement>(
            _role, "narrator_judgement", chosenSystem, user, _narratorReply,
            SeedFor(episode, scene, $"{Engine.Agents.Role.Narrator}:{type.Key}"), cancellation, _narratorSchema);
        return new NarratorCallVerdict
        {
            Trajectory = episode.Name,
            Scene = scene.Key,
            Model = episode.NarratorModel,
            CallType = type.Key,
            Calls = calls.Count,
            Scores = answer.Value?.Scores ?? [],
            Critique = answer.Value?.Critique.Trim() ?? "",
            Attempts = answer.Attempts,
            FormatFailures = answer.FormatFailures,
            Failure = answer.Failure,
            Refusals = [.. answer.Refusals],
        };
    }

    /// <summary>The narrator's calls recorded from a scene's first event up to the next scene's.</summary>
    private static IEnumerable<RecordedCall> CallsIn(PlayedEpisode episode, PlayedScene scene)
    {
        if (scene.Events.IsEmpty)
        {
            return [];
        }
        var index = episode.Scenes.IndexOf(scene);
        var from = scene.Events[0].Record.Step;
        var until = index + 1 < episode.Scenes.Length && !episode.Scenes[index + 1].Events.IsEmpty
            ? episode.Scenes[index + 1].Events[0].Record.Step
            : long.MaxValue;
        return episode.File.Calls.Where(c => c.Role == Engine.Agents.Role.Narrator && c.Step > from && c.Step < until);
    }

    /// <summary>
    /// The scene as the narrator saw it, the narrator's own outputs marked: its results and summaries, the
    /// changes it made to the surroundings, and its updates to the people involved.
    /// </summary>
    public static IReadOnlyList<(string Text, bool Narrator)> Transcript(PlayedScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var lines = new List<(string, bool)>();
        foreach (var e in scene.Events)
        {
            if (!Doings.IsPerceivable(e.Event) || e.TextFor(viewer: null) is not { Length: > 0 } text)
            {
                continue;
            }
            var narrator = e.Event switch
            {
                WorldEvent.Narrated n => n.Kind is NarrationKind.Result or NarrationKind.Summary,
                WorldEvent.EnvironmentChanged => true,
                WorldEvent.PositionChanged or WorldEvent.ConditionChanged or WorldEvent.EmotionChanged => e.Phase == NarratorPhase.Updates,
                _ => false,
            };
            lines.Add((text, narrator));
        }
        return lines;
    }

    private long SeedFor(PlayedEpisode episode, PlayedScene scene, string judged) =>
        SeedDerivation.Derive(_seed, scene.Events.IsEmpty ? 0 : scene.Events[0].Record.Step, $"judge:{episode.Name}:{judged}");
}

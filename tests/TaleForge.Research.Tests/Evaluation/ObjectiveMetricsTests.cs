using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Evaluation.Episodes;
using TaleForge.Research.Evaluation.Objective;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class ObjectiveMetricsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_scripted_episode_is_cut_into_its_two_scenes_with_the_models_from_the_header()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));

        Assert.Equal(["arrival", "quiet"], episode.Scenes.Select(s => s.Key));
        Assert.Equal("alpha.gguf", episode.ModelOf("mara"));
        Assert.Equal("alpha.gguf", episode.ModelOf("tomas"));
        Assert.Equal("beta.gguf", episode.ModelOf("ines"));
        Assert.Equal("gamma.gguf", episode.NarratorModel);
        Assert.Equal("one.jsonl", episode.Name);
    }

    [Fact]
    public async Task A_character_that_names_a_secret_it_never_knew_or_heard_leaks_once_and_only_then()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));

        var leaks = KnowledgeLeaks.Of(episode);

        // Ines: four texts in "arrival" (an action and a line each round); only her first line leaks.
        var (texts, found) = leaks["ines"];
        Assert.Equal(4, texts);
        var leak = Assert.Single(found);
        Assert.Equal(("mara", "ledger", "ledger", "Someone burned the ledger.", "arrival"), (leak.Owner, leak.Secret, leak.Keyword, leak.Text, leak.Scene));
        // Tomas knew of the ledger from the start; Mara's secret is her own.
        Assert.Empty(leaks["tomas"].Leaks);
        Assert.Empty(leaks["mara"].Leaks);
        Assert.Equal(6, leaks["mara"].Texts);
    }

    [Fact]
    public async Task A_turn_whose_command_the_rules_refuse_counts_as_vetoed()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));

        var turns = VetoedTurns.Of(episode);

        Assert.Equal((2, 1), turns["tomas"]);
        Assert.Equal((2, 0), turns["ines"]);
        Assert.Equal((3, 0), turns["mara"]);
    }

    [Fact]
    public async Task Character_metrics_pool_episodes_by_character_and_model()
    {
        var episodes = new[]
        {
            await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl")),
            await EvaluationWorld.PlayAsync(Path.Combine(_folder, "two.jsonl")),
        };

        var rows = CharacterMetrics.Of(episodes).ToDictionary(r => r.Character);

        var ines = rows["ines"];
        Assert.Equal(("beta.gguf", 2, 4, 0, 8, 2), (ines.Model, ines.Episodes, ines.Turns, ines.VetoedTurns, ines.Texts, ines.LeakingTexts));
        Assert.Equal(0.25, ines.LeakRate);
        Assert.Equal(0.5, rows["tomas"].VetoRate);
        // Ines' texts, twice: "frowns at the tower" "Someone burned the ledger." "shrugs" "The ledger again."
        // 12 words per episode, 24 in all, 9 different; bigrams: 3 + 3 + 0 + 2 = 8 per episode, 16 in all, 7
        // different ("the ledger" is in both lines).
        Assert.Equal(24, ines.Words);
        Assert.Equal(9.0 / 24, ines.Distinct1!.Value, 9);
        Assert.Equal(7.0 / 16, ines.Distinct2!.Value, 9);

        var byModel = ObjectiveByModel.Of([], CharacterMetrics.Of(episodes)).ToDictionary(r => r.Model);
        // alpha.gguf plays Mara (6 turns, none vetoed) and Tomas (4 turns, 2 vetoed): 2 of 10.
        Assert.Equal(0.2, byModel["alpha.gguf"].VetoRate);
        Assert.Equal(0.0, byModel["alpha.gguf"].LeakRate);
    }

    [Fact]
    public void Distinct_n_counts_n_grams_within_each_text_and_words_in_chinese_one_character_at_a_time()
    {
        Assert.Equal(3.0 / 5, Repetition.Distinct(["The cat saw the cat"], 1));
        Assert.Equal(3.0 / 4, Repetition.Distinct(["The cat saw the cat"], 2));
        // No bigram spans the two texts: "a b" and "c", so one bigram only.
        Assert.Equal((1, 1), Repetition.NGrams(["a b", "c"], 2));
        Assert.Equal(["你", "好", "你", "好", "tea"], Repetition.Words("你好，你好 Tea"));
        Assert.Null(Repetition.Distinct(["one"], 2));
    }

    [Fact]
    public void Format_failures_count_refused_attempts_per_model_and_role_and_leave_out_people()
    {
        var world = EvaluationWorld.World();
        var path = Path.Combine(_folder, "calls.jsonl");
        using (var writer = TrajectoryWriter.Create(path, EvaluationWorld.Header(world)))
        {
            ModelCall Call(long step, string role, string model, string? failure, params string[] errors) => new()
            {
                Call = new AgentCall(step, Role.Parse(role), NarratorPhase.ActorTurn, step),
                Model = model,
                Schema = "character_turn",
                Attempts = [.. errors.Select(e => new FailedAttempt("x", e))],
                Failure = failure,
            };
            // Mara: an accepted call after a reply that was not JSON, then one accepted at once.
            writer.ModelCall(Call(1, "character:mara", "alpha.gguf", null, "NotJson: not JSON"), null, "arrival", 1);
            writer.ModelCall(Call(2, "character:mara", "alpha.gguf", null), null, "arrival", 1);
            // Tomas: three refusals, the last for the game's rules; the call failed.
            writer.ModelCall(Call(3, "character:tomas", "alpha.gguf", "gave up",
                "SchemaViolation: /action: text is longer than 200 characters", "EmptyReply: nothing", "RuleViolation: command must be one of: wait"), null, "arrival", 1);
            // The person at the keyboard is not a model.
            writer.ModelCall(Call(4, "player:ines", "human", null), null, "arrival", 1);
        }
        var episode = PlayedEpisode.Open(RecordedTrajectory.Read(path), TestWorld.Opened(world));

        var rows = FormatFailures.Of([episode]);

        Assert.Equal(2, rows.Length);
        var mara = rows.Single(r => r.Role == "character:mara");
        Assert.Equal((2, 3, 1, 1, 0), (mara.Calls, mara.Attempts, mara.Refused, mara.FormatFailures, mara.FailedCalls));
        Assert.Equal(1.0 / 3, mara.FormatFailureRate, 9);
        var tomas = rows.Single(r => r.Role == "character:tomas");
        Assert.Equal((1, 3, 3, 2, 1), (tomas.Calls, tomas.Attempts, tomas.Refused, tomas.FormatFailures, tomas.FailedCalls));
        var byModel = ObjectiveByModel.Of(rows, []).Single();
        Assert.Equal(3.0 / 6, byModel.FormatFailureRate);
    }

    [Fact]
    public async Task A_world_changed_since_the_episode_was_played_is_refused_naming_both_files_and_what_to_do()
    {
        var path = Path.Combine(_folder, "one.jsonl");
        await EvaluationWorld.PlayAsync(path);
        var changed = EvaluationWorld.World() with { Info = EvaluationWorld.World().Info with { Title = "Another Harbour" } };

        var error = Assert.Throws<TaleForgeException>(() => PlayedEpisode.Open(RecordedTrajectory.Read(path), TestWorld.Opened(changed, "worlds/harbour")));

        Assert.Contains($"the world at worlds/harbour is not the one {path} was played in", error.Message, StringComparison.Ordinal);
        Assert.Contains(WorldHash.Of(changed), error.Message, StringComparison.Ordinal);
        Assert.Contains("restore it as it was, or pass --world PATH to a copy of that version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_exchange_holds_what_the_character_perceived_then_what_it_did()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));

        var exchanges = CharacterRounds.Of(episode.Scenes[0], "ines");

        Assert.Equal([1, 2], exchanges.Select(x => x.Round));
        var first = exchanges[0];
        Assert.Contains(first.Observation, o => o.Contains("Quiet night.", StringComparison.Ordinal));
        Assert.Contains("The gulls cry.", first.Observation);
        Assert.Equal<string>(["Ines frowns at the tower.", "Ines says: “Someone burned the ledger.”"], first.Action);
        // Round 2 begins with what Tomas did after her in round 1.
        Assert.Contains(exchanges[1].Observation, o => o.Contains("The ledger is safe with the master.", StringComparison.Ordinal));
        Assert.Empty(CharacterRounds.Of(episode.Scenes[1], "ines"));
    }
}

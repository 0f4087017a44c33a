using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Calls;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.Benchmarks;

/// <summary>
/// The engine's own cost and its use of the model: time per step with no model at all (against folding the same
/// events, the least any engine could do), and a 3-character scene on a random-weight model: wall time, the share
/// spent waiting on the model, and one phase (belief revision) decoded together against one request at a time.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<JsonObject> RunAsync(WorldLibrary library, string? modelPath, int rounds, int threads, TextWriter progress, CancellationToken cancellation)
    {
        var world = WorldLoader.LoadOrThrow(library.Resolve(WorldLibrary.DefaultWorld));
        var result = new JsonObject { ["benchmark"] = "engine", ["world"] = world.Info.Id };
        result["authored"] = await AuthoredStepsAsync(world, library, cancellation);
        if (modelPath is not null)
        {
            result["model"] = await ModelSceneAsync(world, modelPath, rounds, threads, progress, cancellation);
        }
        return result;
    }

    /// <summary>The walkthrough played again and again with no model: every step is the engine's own work.</summary>
    private static async Task<JsonObject> AuthoredStepsAsync(WorldDefinition world, WorldLibrary library, CancellationToken cancellation)
    {
        var script = Walkthrough(library, world.Info.Id);
        var player = world.Characters.First(c => c.Player).Id;
        var parser = new PlayerInputParser(Phrasebook.For(world.Info.Language));

        async Task<GameSession> PlayAsync()
        {
            var session = new GameSession(world, Cast.Authored(world, player));
            await session.RunAsync(cancellation);
            foreach (var line in script)
            {
                switch (parser.Parse(line))
                {
                    case PlayerInput.Turn turn when session.AwaitingPlayer:
                        await session.SubmitAsync(turn.Decision, cancellation);
                        break;
                    case PlayerInput.Ask ask when session.AwaitingPlayer:
                        session.Ask(player, ask.Query);
                        break;
                }
            }
            return session;
        }

        var sample = await PlayAsync();
        var steps = sample.Log.Count + sample.Calls.Count;
        var events = sample.Log.Select(e => e.Event).ToList();
        for (var i = 0; i < 5; i++)
        {
            await PlayAsync();
        }
        const int Runs = 20;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            await PlayAsync();
        }
        var engineMs = clock.Elapsed.TotalMilliseconds / Runs;

        clock.Restart();
        for (var i = 0; i < Runs; i++)
        {
            WorldState.Initial(world).Apply(events);
        }
        var foldMs = clock.Elapsed.TotalMilliseconds / Runs;
        return new JsonObject
        {
            ["play_through_ms"] = Round(engineMs),
            ["steps"] = steps,
            ["ms_per_step"] = Round(engineMs / steps, 4),
            ["goal_ms_per_step"] = 1.0,
            ["baseline"] = "folding the same events into the state, nothing else",
            ["fold_ms"] = Round(foldMs),
            ["engine_vs_fold"] = Round(engineMs / Math.Max(foldMs, 1e-6)),
        };
    }

    /// <summary>The first scene with every character a model agent, then its belief phase alone and together.</summary>
    private static async Task<JsonObject> ModelSceneAsync(WorldDefinition world, string modelPath, int rounds, int threads, TextWriter progress, CancellationToken cancellation)
    {
        using var client = await LlamaChatClient.LoadAsync(modelPath, new LlamaChatClientOptions { ContextSize = 16384, MaxSequences = 4, Threads = threads }, null, cancellation);
        var timer = new ModelTimer(client);
        var recorded = new List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)>();
        var capturing = new CapturingClient(timer, recorded);
        var role = new ModelRole
        {
            Client = capturing,
            Model = Path.GetFileName(modelPath),
            ContextTokens = client.ContextSize / 4,
            CountTokens = text => client.Model.Tokenize(text).Length,
        };
        var scene = world.Scene(world.Info.StartScene);
        var cast = new Cast
        {
            Characters = world.Characters.ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
        };
        var spec = new EpisodeSpec
        {
            World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
            Seed = 1,
            StartScene = scene.Id,
            StopAfterScene = true,
            RoundLimit = rounds,
        };
        var session = new GameSession(world, cast, spec.SessionOptions());
        await progress.WriteLineAsync($"Playing {rounds} rounds of '{scene.Id}' ({scene.Participants.Length} characters) on {role.Model}...");
        var clock = Stopwatch.StartNew();
        await session.RunAsync(cancellation);
        var wall = clock.Elapsed;

        // The first round's belief requests, asked again: all at once (as the engine does), then one by one, each on
        // a fresh context with no prefix cache, so neither side finds the other's prompts already evaluated.
        var beliefs = recorded.Where(r => Role.TryParse(r.Options.GetCallContext()?.Role)?.Kind == RoleKind.Character
                && r.Options?.ResponseFormat is ChatResponseFormatJson { SchemaName: var schema } && schema == BeliefReply.Schema)
            .Take(scene.Participants.Length).ToList();
        // The default layout (a KV stream per sequence without flash attention), then the unified cache without flash
        // attention (every token attends over all sequences' cells, the others' masked), then flash attention, whose
        // CPU kernel skips masked cells, over the unified cache.
        var together = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: true, flashAttention: false, separateStreams: null, cancellation);
        var oneByOne = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: false, flashAttention: false, separateStreams: null, cancellation);
        var togetherUnified = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: true, flashAttention: false, separateStreams: false, cancellation);
        var oneByOneUnified = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: false, flashAttention: false, separateStreams: false, cancellation);
        var togetherFlash = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: true, flashAttention: true, separateStreams: null, cancellation);
        var oneByOneFlash = await TimePhaseAsync(modelPath, threads, beliefs, concurrently: false, flashAttention: true, separateStreams: null, cancellation);
        var turn = recorded.First(r => r.Options?.ResponseFormat is ChatResponseFormatJson { SchemaName: "character_turn" });
        var (firstText, turnTotal) = await FirstTextTiming.MeasureAsync(modelPath, threads, turn.Messages, turn.Options, cancellation);

        return new JsonObject
        {
            ["model"] = role.Model,
            ["threads"] = threads,
            ["scene"] = scene.Id,
            ["characters"] = scene.Participants.Length,
            ["rounds"] = rounds,
            ["model_calls"] = session.Calls.Count,
            ["failed_calls"] = session.Calls.Count(c => c.Failure is not null),
            ["wall_s"] = Round(wall.TotalSeconds),
            ["model_busy_s"] = Round(timer.Busy.TotalSeconds),
            ["model_share"] = Round(timer.Busy / wall, 4),
            ["phase"] = "beliefs",
            ["phase_requests"] = beliefs.Count,
            ["phase_batched_s"] = Round(together.TotalSeconds),
            ["phase_sequential_s"] = Round(oneByOne.TotalSeconds),
            ["phase_batched_vs_one_by_one"] = Round(together / oneByOne, 3),
            ["phase_unified_batched_s"] = Round(togetherUnified.TotalSeconds),
            ["phase_unified_sequential_s"] = Round(oneByOneUnified.TotalSeconds),
            ["phase_unified_batched_vs_one_by_one"] = Round(togetherUnified / oneByOneUnified, 3),
            ["phase_prompt_tokens"] = session.Calls.Where(c => c.Schema == "beliefs").Take(beliefs.Count).Sum(c => c.PromptTokens),
            ["phase_flash_attention_batched_s"] = Round(togetherFlash.TotalSeconds),
            ["phase_flash_attention_sequential_s"] = Round(oneByOneFlash.TotalSeconds),
            ["phase_flash_attention_batched_vs_sequential"] = Round(togetherFlash / oneByOneFlash, 3),
            ["first_text_ms"] = Round(firstText.TotalMilliseconds),
            ["turn_ms"] = Round(turnTotal.TotalMilliseconds),
            ["goals"] = new JsonObject { ["phase_batched_vs_one_by_one"] = "<= 0.7" },
        };
    }

    private static async Task<TimeSpan> TimePhaseAsync(
        string modelPath, int threads, List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> requests, bool concurrently, bool flashAttention,
        bool? separateStreams, CancellationToken cancellation)
    {
        using var client = await LlamaChatClient.LoadAsync(
            modelPath, new LlamaChatClientOptions { ContextSize = 16384, MaxSequences = 4, Threads = threads, PrefixCache = false, FlashAttention = flashAttention, SeparateKvStreams = separateStreams },
            null, cancellation);
        var clock = Stopwatch.StartNew();
        if (concurrently)
        {
            await Task.WhenAll(requests.Select(r => client.GetResponseAsync(r.Messages, r.Options, cancellation)));
        }
        else
        {
            foreach (var (messages, options) in requests)
            {
                await client.GetResponseAsync(messages, options, cancellation);
            }
        }
        return clock.Elapsed;
    }

    /// <summary>The small random model the benchmark uses by default, written once into the cache.</summary>
    public static string SmallModel(string cacheFolder)
    {
        var path = Path.Combine(cacheFolder, "small-f16-seed1.gguf");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(cacheFolder);
            var temporary = path + ".partial";
            RandomModelWriter.Write(temporary, ModelPreset.Small, seed: 1);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    private static IReadOnlyList<string> Walkthrough(WorldLibrary library, string world)
    {
        var path = Path.Combine(Path.GetDirectoryName(library.Folder)!, "docs", "walkthroughs", world + ".md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
        return [.. text[start..text.IndexOf("```", start, StringComparison.Ordinal)].Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static double Round(double value, int digits = 2) => Math.Round(value, digits);

    /// <summary>Keeps every request so one phase can be asked again outside the game.</summary>
    private sealed class CapturingClient(IChatClient inner, List<(IReadOnlyList<ChatMessage>, ChatOptions?)> requests) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            lock (requests)
            {
                requests.Add((list, options));
            }
            return base.GetResponseAsync(list, options, cancellationToken);
        }
    }
}

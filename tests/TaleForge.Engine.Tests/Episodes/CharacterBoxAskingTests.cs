using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Fakes;

namespace TaleForge.Engine.Tests.Episodes;

/// <summary>
/// How the model agents ask under each protocol, seen in the calls a random grammar-bound model is asked and the
/// calls an episode records: CharacterBox's way (action then dialogue, no length caps, silent reactions, one
/// target) only under <c>--protocol characterbox</c>, and every cut of a prompt recorded under both.
/// </summary>
public sealed class CharacterBoxAskingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (GameSession Session, CallbackChatClient Model) Episode(EpisodeProtocol protocol, long seed = 5, int context = 8192, int rounds = 2, ITrajectorySink? sink = null)
    {
        var world = Gathered();
        var model = GrammarModel.Create();
        var role = new ModelRole { Client = model, Model = "grammar-model", ContextTokens = context };
        var cast = EpisodeCast.Build(
            world, player: null, director: false, r => new ModelReference { Role = r, File = "grammar-model" }, _ => role, protocol: protocol);
        return (new GameSession(world, cast, new SessionOptions { Seed = seed, RoundLimit = rounds, Trajectory = sink }), model);
    }

    /// <summary>The harbour with all three on the quay, so an action can affect more than one.</summary>
    private static Core.Definitions.WorldDefinition Gathered()
    {
        var world = TestWorld.Harbour();
        return world with
        {
            Characters = [.. world.Characters.Select(c => c.Id == "ines" ? c with { Start = c.Start with { Location = "quay" } } : c)],
        };
    }

    private static IEnumerable<string> SentSchemas(CallbackChatClient model) =>
        model.Calls.Select(c => Assert.IsType<ChatResponseFormatJson>(c.Options!.ResponseFormat).Schema!.Value.GetRawText());

    private static IEnumerable<ModelCall> Named(GameSession session, string schema) => session.Calls.Where(c => c.Schema == schema);

    [Fact]
    public async Task Under_the_characterbox_protocol_each_actor_turn_asks_an_action_then_a_line_given_that_action()
    {
        var (session, _) = Episode(EpisodeProtocol.CharacterBox);

        await session.RunAsync();

        Assert.Empty(Named(session, TurnReply.Schema));
        var calls = session.Calls.ToList();
        var actions = calls.Where(c => c.Schema == ActionReply.Schema).ToList();
        Assert.NotEmpty(actions);
        foreach (var action in actions.Where(a => a.Failure is null))
        {
            var line = calls[calls.IndexOf(action) + 1];
            Assert.Equal(DialogueReply.Schema, line.Schema);
            Assert.Equal(action.Call.Role, line.Call.Role);
            Assert.Equal(action.Call.Step + 1, line.Call.Step);
            Assert.NotEqual(action.Call.Seed, line.Call.Seed);
            Assert.Contains($"you {((string)action.Parsed!["action"]!).Trim()}", line.Prompt[^1].Text, StringComparison.Ordinal);
            Assert.False(action.Parsed!.AsObject().ContainsKey("dialogue"));
        }
        Assert.Equal(actions.Count(a => a.Failure is null), Named(session, DialogueReply.Schema).Count());
    }

    [Fact]
    public async Task Under_the_characterbox_protocol_reply_texts_fill_the_models_budget_instead_of_our_caps()
    {
        const int context = 8192;
        var (paper, paperModel) = Episode(EpisodeProtocol.CharacterBox, context: context, rounds: 1);
        var (ours, ourModel) = Episode(EpisodeProtocol.TaleForge, context: context, rounds: 1);

        await paper.RunAsync();
        await ours.RunAsync();

        // The longest reply each schema allows: ours is ours; the paper's grows to a quarter of the context in
        // characters, so the reply is bounded by the model's budget and still always closes before it.
        var ourBounds = SentBounds(ourModel);
        var paperBounds = SentBounds(paperModel);
        Assert.NotEmpty(paperBounds);
        Assert.All(ourBounds, bound => Assert.True(bound < context / 8, $"{bound} characters is not one of our caps"));
        Assert.All(paperBounds, bound => Assert.InRange(bound, context / 8, context / 4));
        Assert.All(paper.Calls, c => Assert.Null(c.Failure));
    }

    private static List<int> SentBounds(CallbackChatClient model) =>
        [.. SentSchemas(model).Select(schema => Inference.Structured.ReplyBound.MaxCharacters(System.Text.Json.JsonDocument.Parse(schema).RootElement) ?? int.MaxValue)];

    [Fact]
    public async Task Under_the_characterbox_protocol_a_reaction_is_visible_only_and_says_nothing()
    {
        var reactions = new List<ModelCall>();
        foreach (var seed in new long[] { 5, 6, 7 })
        {
            var (session, _) = Episode(EpisodeProtocol.CharacterBox, seed);
            await session.RunAsync();
            reactions.AddRange(Named(session, ReactionReply.Schema));
        }

        Assert.NotEmpty(reactions);
        Assert.All(reactions, r => Assert.Equal("", (string)r.Parsed!["dialogue"]!));
        Assert.All(reactions, r => Assert.Contains("no speech", r.Prompt[^1].Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_the_characterbox_protocol_the_narrator_names_at_most_one_affected_character_per_action()
    {
        var (session, model) = Episode(EpisodeProtocol.CharacterBox);

        await session.RunAsync();

        var influences = Named(session, InfluenceReply.Schema).ToList();
        Assert.NotEmpty(influences);
        Assert.All(influences, i => Assert.InRange(((JsonArray)i.Parsed!["affected"]!).Count, 0, 1));
        Assert.All(model.Calls.Where(c => ((ChatResponseFormatJson)c.Options!.ResponseFormat!).SchemaName == InfluenceReply.Schema),
            c => Assert.Equal(1, ((ChatResponseFormatJson)c.Options!.ResponseFormat!).Schema!.Value
                .GetProperty("properties").GetProperty("affected").GetProperty("maxItems").GetInt32()));
    }

    [Fact]
    public async Task The_default_protocol_asks_a_turn_in_one_call_whose_reactions_may_speak_and_whose_narrator_may_name_several()
    {
        var (session, model) = Episode(EpisodeProtocol.TaleForge);

        await session.RunAsync();

        Assert.NotEmpty(Named(session, TurnReply.Schema));
        Assert.Empty(Named(session, ActionReply.Schema));
        Assert.Empty(Named(session, DialogueReply.Schema));
        Assert.All(model.Calls.Where(c => ((ChatResponseFormatJson)c.Options!.ResponseFormat!).SchemaName == ReactionReply.Schema),
            c => Assert.DoesNotContain("\"enum\"", ((ChatResponseFormatJson)c.Options!.ResponseFormat!).Schema!.Value.GetRawText(), StringComparison.Ordinal));
        // Both others are on the quay at first, so the narrator may name them both.
        Assert.Contains(model.Calls.Where(c => ((ChatResponseFormatJson)c.Options!.ResponseFormat!).SchemaName == InfluenceReply.Schema),
            c => ((ChatResponseFormatJson)c.Options!.ResponseFormat!).Schema!.Value
                .GetProperty("properties").GetProperty("affected").GetProperty("maxItems").GetInt32() == 2);
        Assert.All(session.Calls, c => Assert.Null(c.Trimmed));
    }

    [Theory]
    [InlineData(EpisodeProtocol.TaleForge, 1400)]
    [InlineData(EpisodeProtocol.CharacterBox, 900)]
    public async Task A_prompt_cut_to_fit_a_small_context_is_recorded_on_its_call_and_in_the_trajectory(EpisodeProtocol protocol, int context)
    {
        var path = Path.Combine(_folder.Path, $"{protocol}.jsonl");
        var spec = new EpisodeSpec { World = new WorldReference("harbour", "The Harbour", "memory", "sha256:0"), Seed = 5, Protocol = protocol };
        GameSession session;
        using (var writer = TrajectoryWriter.Create(path, spec.Header("test", DateTimeOffset.UnixEpoch)))
        {
            (session, _) = Episode(protocol, context: context, rounds: 3, sink: writer);
            await session.RunAsync();
        }

        var cut = session.Calls.Where(c => c.Trimmed is not null).ToList();
        Assert.NotEmpty(cut);
        Assert.All(cut, c => Assert.True(c.Trimmed!.Observations > 0 && c.Trimmed.Tokens > 0, $"{c.Schema} at step {c.Call.Step}: {c.Trimmed}"));
        var recorded = TrajectoryFile.Read(path).Calls.ToDictionary(c => c.Step);
        Assert.All(session.Calls, c => Assert.Equal(c.Trimmed, recorded[c.Call.Step].Trimmed));
    }
}

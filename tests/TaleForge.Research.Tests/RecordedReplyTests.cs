using System.Text.Json.Nodes;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Export;

namespace TaleForge.Research.Tests;

public class RecordedReplyTests
{
    private static CallRecord Call(string schema, string? parsed) => new(7, 6, 0)
    {
        Scene = "arrival",
        Round = 1,
        Phase = NarratorPhase.Direction,
        Role = Role.Director,
        Seed = 1,
        Model = "tiny.gguf",
        Schema = schema,
        Parsed = parsed is null ? null : JsonNode.Parse(parsed),
    };

    [Fact]
    public void A_recorded_reply_reads_back_into_the_type_the_engine_asked_for()
    {
        var call = Call(DirectionReply.Schema, """{"directions":[{"character":"mara","direction":"Keep the lantern lit."}]}""");

        var reply = RecordedReply.As<DirectionReply>(call);

        Assert.Equal([("mara", "Keep the lantern lit.")], reply!.Directions.Select(d => (d.Character, d.Direction)));
    }

    [Fact]
    public void A_reply_of_another_schema_or_none_accepted_reads_as_nothing()
    {
        Assert.Null(RecordedReply.As<ResultReply>(Call(DirectionReply.Schema, """{"directions":[]}""")));
        Assert.Null(RecordedReply.As<DirectionReply>(Call(DirectionReply.Schema, null)));
    }

    [Fact]
    public void A_recorded_reply_that_does_not_fit_its_type_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<Core.TaleForgeException>(() => RecordedReply.As<DirectionReply>(Call(DirectionReply.Schema, """{"directions":"north"}""")));

        Assert.StartsWith("line 0: the recorded direction reply does not read as one (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reply_type_names_the_schema_its_calls_are_recorded_under()
    {
        Assert.Equal(
            ["character_turn", "reaction", "beliefs", "reflection", "influence", "result", "updates", "environment", "summary", "direction"],
            [TurnReply.Schema, ReactionReply.Schema, BeliefReply.Schema, ReflectionReply.Schema, InfluenceReply.Schema,
                ResultReply.Schema, UpdatesReply.Schema, EnvironmentReply.Schema, SummaryReply.Schema, DirectionReply.Schema]);
    }
}

using System.Reflection;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Inference.Grammar;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Tests;

/// <summary>
/// The engine's own decision records, as the narrator and the characters are asked for them: their schemas are ones
/// the grammar converter supports, and every reply a grammar-constrained model can write binds back to the record.
/// </summary>
public class DecisionSchemaTests
{
    public static TheoryData<Type> Replies =>
    [
        typeof(TurnReply), typeof(ReactionReply), typeof(BeliefReply), typeof(ReflectionReply),
        typeof(DirectionReply), typeof(InfluenceReply), typeof(ResultReply), typeof(UpdatesReply), typeof(EnvironmentReply), typeof(SummaryReply),
        typeof(ActionReply), typeof(DialogueReply),
    ];

    [Fact]
    public void A_turns_schema_names_its_fields_in_snake_case_requires_all_of_them_and_bounds_every_text()
    {
        var schema = TypedJson.SchemaFor<TurnReply>();

        string[] fields = ["action", "dialogue", "command", "target", "emotion"];
        Assert.Equal(fields, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(fields, schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(160, schema.GetProperty("properties").GetProperty("action").GetProperty("maxLength").GetInt32());
        Assert.Equal(240, schema.GetProperty("properties").GetProperty("dialogue").GetProperty("maxLength").GetInt32());
        Assert.Equal(30, schema.GetProperty("properties").GetProperty("emotion").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public void Narrator_updates_serialize_as_compact_snake_case_json_that_their_own_grammar_accepts()
    {
        var updates = new UpdatesReply([new CharacterUpdateReply("mara", "at the rail", "", "afraid"), new CharacterUpdateReply("tomas", "", "asleep", "")]);

        var json = TypedJson.Serialize(updates);

        Assert.Equal(
            """{"updates":[{"character":"mara","position":"at the rail","condition":"","emotion":"afraid"},{"character":"tomas","position":"","condition":"asleep","emotion":""}]}""",
            json);
        Assert.True(GrammarFor(typeof(UpdatesReply)).Accepts(json));
    }

    [Fact]
    public void A_schema_narrowed_to_the_characters_present_lets_the_grammar_name_no_one_else()
    {
        var schema = SchemaNarrowing.WithChoices(
            TypedJson.SchemaFor<InfluenceReply>(),
            new Dictionary<string, IReadOnlyList<string>> { ["/properties/affected/items/properties/character"] = ["mara", "tomas"] });
        var grammar = JsonSchemaGrammar.ConvertToGrammar(schema);

        Assert.True(grammar.Accepts("""{"affected":[{"character":"tomas","impact":"looks up"}]}"""));
        Assert.False(grammar.Accepts("""{"affected":[{"character":"ines","impact":"looks up"}]}"""));
        for (var seed = 0; seed < 20; seed++)
        {
            var reading = TypedRequest<InfluenceReply>.Read(grammar.Generate(new Random(seed)));
            Assert.True(reading.Succeeded, reading.Error);
            Assert.All(reading.Value!.Affected, a => Assert.Contains(a.Character, new[] { "mara", "tomas" }));
        }
    }

    [Slow]
    [Theory]
    [MemberData(nameof(Replies))]
    public void Every_reply_the_grammar_allows_reads_back_into_the_decision_record(Type type)
    {
        var grammar = GrammarFor(type);

        for (var seed = 0; seed < 60; seed++)
        {
            var reply = grammar.Generate(new Random(seed));
            var (succeeded, error) = Read(type, reply);
            Assert.True(succeeded, $"{type.Name}, seed {seed}: {error} in {reply}");
        }
    }

    private static GbnfGrammar GrammarFor(Type type) => JsonSchemaGrammar.ConvertToGrammar(TypedJson.SchemaFor(type));

    private static (bool Succeeded, string? Error) Read(Type type, string reply)
    {
        var request = typeof(TypedRequest<>).MakeGenericType(type);
        var reading = request.GetMethod(nameof(TypedRequest<object>.Read), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [reply, null])!;
        var readingType = reading.GetType();
        return ((bool)readingType.GetProperty("Succeeded")!.GetValue(reading)!, (string?)readingType.GetProperty("Error")!.GetValue(reading));
    }
}

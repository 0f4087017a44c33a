using System.Reflection;
using System.Text.Json;
using TaleForge.Inference.Grammar;
using TaleForge.Inference.Structured;

using TaleForge.Inference.Tests.Decisions;

namespace TaleForge.Inference.Tests.Structured;

/// <summary>
/// What <see cref="TypedJson"/> makes of records shaped like decisions (enums, nullable optionals, DataAnnotations
/// bounds): schemas the grammar converter supports, and replies that bind back. The engine's own decision records
/// are tested where they live, in TaleForge.Engine.Tests (DecisionSchemaTests).
/// </summary>
public class TypedJsonSchemaTests
{
    public static TheoryData<Type> Types => [.. SampleDecisions.Types];

    [Fact]
    public void Schemas_name_properties_and_enum_values_in_snake_case_and_close_objects()
    {
        var schema = TypedJson.SchemaFor<JudgeScores>();

        Assert.Equal(
            ["knowledge_accuracy", "emotional_expression", "personality_traits", "behavioral_accuracy", "immersion", "adaptability",
             "behavioral_coherence", "confidence", "comment"],
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.DoesNotContain("comment", schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["move", "take", "drop", "give", "say", "do", "wait"],
            TypedJson.SchemaFor<ActorAction>().GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"type":"integer","minimum":1,"maximum":5}""", schema.GetProperty("properties").GetProperty("immersion").GetRawText());
    }

    [Fact]
    public void A_record_serializes_as_compact_snake_case_json_that_its_own_grammar_accepts()
    {
        var update = new StateUpdates([new CharacterUpdate("alice", "hall", null, Emotion.Afraid), new CharacterUpdate("bob", null, "asleep", null)]);

        var json = TypedJson.Serialize(update);

        Assert.Equal("""{"updates":[{"character":"alice","position":"hall","state":null,"emotion":"afraid"},{"character":"bob","position":null,"state":"asleep","emotion":null}]}""", json);
        Assert.True(GrammarFor(typeof(StateUpdates)).Accepts(json));
    }

    [Slow]
    [Theory]
    [MemberData(nameof(Types))]
    public void Every_reply_the_grammar_allows_reads_back_into_the_record(Type type)
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

using System.Text;
using System.Text.Json;
using TaleForge.Inference.Grammar;
using Schema = NJsonSchema.JsonSchema;

namespace TaleForge.Inference.Tests.Grammar;

/// <summary>
/// Property tests: for every schema and many seeds, texts generated from the converted grammar are JSON that
/// NJsonSchema validates against the original schema; and any text the grammar accepts, including random
/// mutations of valid texts, is valid, so texts that break the schema are rejected.
/// </summary>
public class SchemaConformanceTests
{
    private const int Seeds = 120;
    private const int MutationsPerText = 6;
    private const string MutationAlphabet = "{}[]\",:0123456789-.tfnaeé \\x";

    [Slow]
    [Theory]
    [MemberData(nameof(ConformanceSchemas.Names), MemberType = typeof(ConformanceSchemas))]
    public async Task Every_generated_text_is_json_that_satisfies_the_schema(string name)
    {
        var grammar = JsonSchemaGrammar.ConvertToGrammar(ConformanceSchemas.Parse(name));
        var validator = await Schema.FromJsonAsync(ConformanceSchemas.All[name]);

        for (var seed = 0; seed < Seeds; seed++)
        {
            var text = grammar.Generate(new Random(seed));
            Assert.True(IsJson(text), $"{name}, seed {seed}: not JSON: {text}");
            var errors = validator.Validate(text);
            Assert.True(errors.Count == 0, $"{name}, seed {seed}: {string.Join("; ", errors)} in {text}");
            Assert.True(grammar.Accepts(text), $"{name}, seed {seed}: the recognizer refused its own grammar's text {text}");
        }
    }

    [Slow]
    [Theory]
    [MemberData(nameof(ConformanceSchemas.Names), MemberType = typeof(ConformanceSchemas))]
    public async Task A_text_the_grammar_accepts_is_valid_so_mutations_that_break_the_schema_are_rejected(string name)
    {
        var grammar = JsonSchemaGrammar.ConvertToGrammar(ConformanceSchemas.Parse(name));
        var validator = await Schema.FromJsonAsync(ConformanceSchemas.All[name]);
        var rejected = 0;
        var total = 0;

        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var text = grammar.Generate(random);
            for (var i = 0; i < MutationsPerText; i++)
            {
                var mutated = Mutate(text, random);
                total++;
                if (!grammar.Accepts(mutated))
                {
                    rejected++;
                    continue;
                }
                Assert.True(IsJson(mutated) && validator.Validate(mutated).Count == 0,
                    $"{name}, seed {seed}: the grammar accepted the invalid {mutated} (mutated from {text})");
            }
        }
        Assert.True(rejected > total / 3, $"{name}: only {rejected} of {total} mutations were rejected; the mutations test too little");
    }

    [Theory]
    [InlineData("person", """{"name":"","age":3,"tags":[]}""")]
    [InlineData("person", """{"name":"thirteen-char","age":3,"tags":[]}""")]
    [InlineData("person", """{"name":"a","age":131,"tags":[]}""")]
    [InlineData("person", """{"name":"a","age":-1,"tags":[]}""")]
    [InlineData("person", """{"name":"a","age":1.5,"tags":[]}""")]
    [InlineData("person", """{"name":"a","tags":[]}""")]
    [InlineData("person", """{"name":"a","age":3,"tags":["a","b","c","d"]}""")]
    [InlineData("person", """{"name":"a","age":3,"tags":["abcde"]}""")]
    [InlineData("person", """{"name":"a","age":3,"tags":[],"extra":1}""")]
    [InlineData("person", """{"name":"a","age":3,"tags":[],"nickname":"toolong"}""")]
    [InlineData("person", """{"name":"a","age":"3","tags":[]}""")]
    [InlineData("person", "{\"name\":\"a\u0001\",\"age\":3,\"tags\":[]}")]
    [InlineData("inventory", """[]""")]
    [InlineData("inventory", """[{"kind":"axe","count":1}]""")]
    [InlineData("inventory", """[{"kind":"sword","count":0}]""")]
    [InlineData("inventory", """[{"kind":"sword","count":1},{"kind":"sword","count":1},{"kind":"sword","count":1},{"kind":"sword","count":1},{"kind":"sword","count":1}]""")]
    [InlineData("numbers", """{"small":1001,"unit":0,"free":0,"whole":0,"positive":1,"negative":-7,"open":0}""")]
    [InlineData("numbers", """{"small":0,"unit":5.1,"free":0,"whole":0,"positive":1,"negative":-7,"open":0}""")]
    [InlineData("numbers", """{"small":0,"unit":-5.5,"free":0,"whole":0,"positive":1,"negative":-7,"open":0}""")]
    [InlineData("numbers", """{"small":0,"unit":0,"free":0,"whole":0,"positive":0,"negative":-7,"open":0}""")]
    [InlineData("numbers", """{"small":0,"unit":0,"free":0,"whole":0,"positive":1,"negative":-6,"open":0}""")]
    [InlineData("numbers", """{"small":0,"unit":0,"free":0,"whole":0,"positive":1,"negative":-7,"open":12}""")]
    [InlineData("numbers", """{"small":0,"unit":0,"free":0,"whole":0,"positive":1,"negative":-7,"open":-3}""")]
    [InlineData("numbers", """{"small":0,"unit":0,"free":0,"whole":0,"positive":1,"negative":-7,"open":0,"big":123456800000}""")]
    [InlineData("choice", "\"east\"")]
    [InlineData("choice", """{"go":4}""")]
    [InlineData("choice", """[true,null,false]""")]
    [InlineData("tree", """{"top":{"label":"root","children":[]}}""")]
    [InlineData("tree", """{"top":{"label":"a","children":[{"label":"b"}]}}""")]
    [InlineData("definitions", """{"here":{"id":"x"},"there":{"id":"ab"}}""")]
    [InlineData("map", """{"a":10}""")]
    [InlineData("fixed-shapes", """{"none":[],"exactly":["abc"],"empty":{}}""")]
    [InlineData("fixed-shapes", """{"none":[],"exactly":["abc","abc"],"empty":{"a":1}}""")]
    public async Task A_hand_written_violation_is_rejected_by_the_grammar(string name, string invalid)
    {
        var grammar = JsonSchemaGrammar.ConvertToGrammar(ConformanceSchemas.Parse(name));
        var validator = await Schema.FromJsonAsync(ConformanceSchemas.All[name]);

        Assert.False(IsJson(invalid) && validator.Validate(invalid).Count == 0, $"the test case {invalid} is valid after all");
        Assert.False(grammar.Accepts(invalid));
    }

    [Theory]
    [InlineData("person", """{"name":"Ann","age":130,"nickname":null,"tags":["ab","c"],"alive":true}""")]
    [InlineData("person", """{"name":"中文 \"q\"\n","age":0,"tags":[]}""")]
    [InlineData("inventory", """[{"kind":"café","count":99,"marker":"x"},{"kind":null,"count":1}]""")]
    [InlineData("numbers", """{"small":-1000,"unit":-5.000,"free":-12.25,"whole":-123456789,"positive":1,"negative":-999999999,"open":11,"big":123456799999}""")]
    [InlineData("choice", """[null,false]""")]
    [InlineData("tree", """{"top":{"label":"a","children":[{"label":"b","children":[]},{"label":"c","children":[{"label":"","children":[]}]}]}}""")]
    [InlineData("map", """{"a":0,"b b":9}""")]
    public void A_hand_written_valid_compact_value_is_accepted(string name, string valid)
    {
        Assert.True(JsonSchemaGrammar.ConvertToGrammar(ConformanceSchemas.Parse(name)).Accepts(valid));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var at = random.Next(text.Length + 1);
        var some = MutationAlphabet[random.Next(MutationAlphabet.Length)];
        switch (random.Next(5))
        {
            case 0 when at < builder.Length:
                builder.Remove(at, 1);
                break;
            case 1:
                builder.Insert(at, some);
                break;
            case 2 when at < builder.Length:
                builder[at] = some;
                break;
            case 3 when at < builder.Length:
                builder.Remove(at, Math.Min(random.Next(1, 6), builder.Length - at));
                break;
            default:
                var length = Math.Min(random.Next(1, 8), text.Length - Math.Min(at, text.Length));
                builder.Insert(at, text.Substring(Math.Min(at, text.Length), length));
                break;
        }
        return builder.ToString();
    }
}

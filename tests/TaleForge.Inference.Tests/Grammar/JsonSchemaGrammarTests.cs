using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Grammar;

namespace TaleForge.Inference.Tests.Grammar;

public class JsonSchemaGrammarTests
{
    private const string StringRules = """
        string ::= "\"" char* "\""
        char ::= [^"\\\x00-\x1F\x7F-\x9F\uD800-\uDFFF\U00010000-\U0010FFFF] | "\\" ["\\nt]

        """;

    private static string Convert(string schema) => JsonSchemaGrammar.Convert(JsonDocument.Parse(schema).RootElement);

    [Fact]
    public void An_object_lists_its_properties_in_declared_order_with_optional_ones_in_optional_groups()
    {
        var grammar = Convert("""
            {"type":"object","properties":{
               "name":{"type":"string","maxLength":20},
               "age":{"type":"integer","minimum":0,"maximum":130},
               "nick":{"type":["string","null"]}},
             "required":["name","age"],"additionalProperties":false}
            """);

        Assert.Equal("""
            root ::= "{\"name\":\"" char{0,20} "\",\"age\":" ([0-9] | [1-9] [0-9] | "1" [0-2] [0-9] | "130") (",\"nick\":" (string | "null"))? "}"

            """ + StringRules, grammar);
    }

    [Fact]
    public void Optional_properties_before_the_first_required_one_may_each_open_the_object()
    {
        var grammar = Convert("""
            {"type":"object","properties":{"a":{"type":"boolean"},"b":{"type":"null"},"c":{"const":3}},"required":["c"]}
            """);

        Assert.Equal("""
            root ::= "{" ("\"a\":" boolean ",\"b\":null"? ",\"c\":3" | "\"b\":null,\"c\":3" | "\"c\":3") "}"
            boolean ::= "true" | "false"

            """, grammar);
    }

    [Fact]
    public void An_object_without_required_properties_may_be_empty()
    {
        Assert.Equal("""
            root ::= "{" ("\"a\":" boolean (",\"b\":" number)? | "\"b\":" number)? "}"
            number ::= "-"? ("0" | [1-9] [0-9]{0,8}) ("." [0-9]{1,9})?
            boolean ::= "true" | "false"

            """, Convert("""{"type":"object","properties":{"a":{"type":"boolean"},"b":{"type":"number"}}}"""));
    }

    [Fact]
    public void An_array_bounds_its_items_and_gives_a_structured_item_its_own_rule()
    {
        Assert.Equal("""
            root ::= "[" item ("," item){0,2} "]"
            item ::= "{\"id\":" string "}"

            """ + StringRules,
            Convert("""{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]},"minItems":1,"maxItems":3}"""));
    }

    [Theory]
    [InlineData("""{"type":"array","items":{"type":"boolean"}}""", """root ::= "[" (boolean ("," boolean)*)? "]" """)]
    [InlineData("""{"type":"array","items":{"type":"boolean"},"minItems":2}""", """root ::= "[" boolean ("," boolean)+ "]" """)]
    [InlineData("""{"type":"array","items":{"type":"boolean"},"minItems":3,"maxItems":3}""", """root ::= "[" boolean ("," boolean){2} "]" """)]
    [InlineData("""{"type":"array","items":{"type":"boolean"},"maxItems":0}""", """root ::= "[]" """)]
    public void Array_bounds_use_the_shortest_repetition(string schema, string rootRule)
    {
        Assert.StartsWith(rootRule.TrimEnd() + "\n", Convert(schema));
    }

    [Fact]
    public void Integer_bounds_become_digit_ranges()
    {
        Assert.Equal(
            "root ::= \"-\" ([1-9] | \"1\" [0-5]) | [0-9] | [1-9] [0-9] | \"1\" [0-1] [0-9] | \"12\" [0-3]\n",
            Convert("""{"type":"integer","minimum":-15,"maximum":123}"""));
        Assert.Equal(
            "root ::= [3-9] | [1-9] [0-9] | \"100\"\n",
            Convert("""{"type":"integer","exclusiveMinimum":2,"exclusiveMaximum":101}"""));
    }

    [Fact]
    public void Number_bounds_allow_any_fraction_below_the_maximum_and_only_zeros_at_it()
    {
        Assert.Equal(
            "root ::= \"0\" (\".\" [0-9]{1,9})? | \"1\" (\".\" \"0\"{1,9})?\n",
            Convert("""{"type":"number","minimum":0,"maximum":1}"""));
    }

    [Fact]
    public void Enum_and_const_values_are_written_as_compact_json_of_any_kind()
    {
        Assert.Equal(
            "root ::= \"\\\"café\\\"\" | \"2.5\" | \"true\" | \"null\" | \"{\\\"a\\\":[1,2]}\"\n",
            Convert("""{"enum":["café", 2.5, true, null, {"a": [1, 2]}]}"""));
        Assert.Equal("root ::= \"\\\"say \\\\\\\"hi\\\\\\\"\\\"\"\n", Convert("""{"const":"say \"hi\""}"""));
    }

    [Fact]
    public void Enum_values_outside_the_listed_type_are_left_out()
    {
        Assert.Equal("root ::= \"\\\"a\\\"\" | \"null\"\n", Convert("""{"type":["string","null"],"enum":["a",1,null]}"""));
    }

    [Fact]
    public void References_to_definitions_become_shared_rules_and_may_recurse()
    {
        Assert.Equal("""
            root ::= Node
            Node ::= "{\"kids\":" Node-kids "}"
            Node-kids ::= "[" (Node ("," Node)*)? "]"

            """,
            Convert("""{"$defs":{"Node":{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#/$defs/Node"}}},"required":["kids"]}},"$ref":"#/$defs/Node"}"""));
    }

    [Fact]
    public void AnyOf_and_nullable_types_become_alternatives()
    {
        Assert.Equal("""
            root ::= string | root-2
            root-2 ::= "{\"k\":\"v\"}"

            """ + StringRules,
            Convert("""{"anyOf":[{"type":"string"},{"type":"object","properties":{"k":{"const":"v"}},"required":["k"]}]}"""));
        Assert.Equal("root ::= boolean | \"null\"\nboolean ::= \"true\" | \"false\"\n", Convert("""{"type":"boolean","nullable":true}"""));
    }

    [Fact]
    public void The_empty_schema_allows_any_json_value()
    {
        Assert.Equal("""
            root ::= value
            value ::= object | array | string | number | boolean | "null"
            object ::= "{" (string ":" value ("," string ":" value)*)? "}"
            array ::= "[" (value ("," value)*)? "]"

            """ + StringRules + """
            number ::= "-"? ("0" | [1-9] [0-9]{0,8}) ("." [0-9]{1,9})?
            boolean ::= "true" | "false"

            """, Convert("{}"));
    }

    [Fact]
    public void Boolean_schemas_mean_anything_and_an_empty_array_bound_means_brackets_only()
    {
        Assert.StartsWith("root ::= \"[\" (value (\",\" value)*)? \"]\"\nvalue ::= ", Convert("""{"type":"array","items":true}"""));
        var grammar = JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse("""{"type":"array","maxItems":0}""").RootElement);
        Assert.True(grammar.Accepts("[]"));
        Assert.False(grammar.Accepts("[1]"));
    }

    [Fact]
    public void Descriptions_titles_and_defaults_are_ignored()
    {
        Assert.Equal(
            Convert("""{"type":"boolean"}"""),
            Convert("""{"type":"boolean","description":"d","title":"t","default":true,"examples":[false],"$schema":"https://json-schema.org/draft/2020-12/schema"}"""));
    }

    [Fact]
    public void Property_names_that_are_not_grammar_names_give_readable_rule_names()
    {
        var grammar = Convert("""{"type":"object","properties":{"home town":{"type":"object"},"string":{"type":"array"}},"required":["home town","string"]}""");

        Assert.StartsWith("root ::= \"{\\\"home town\\\":\" home-town \",\\\"string\\\":\" string-2 \"}\"\nhome-town ::= ", grammar);
    }

    [Theory]
    [InlineData("""{"type":"string","pattern":"^a"}""", "#/pattern", "unsupported keyword 'pattern'")]
    [InlineData("""{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}""", "#/properties/when/format", "unsupported keyword 'format'")]
    [InlineData("""{"allOf":[{"type":"string"}]}""", "#/allOf", "unsupported keyword 'allOf'")]
    [InlineData("""{"type":"array","items":[{"type":"string"}]}""", "#/items", "tuple arrays (items as an array of schemas) are not supported")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "#/uniqueItems", "unsupported keyword 'uniqueItems'")]
    [InlineData("""{"type":"string","minLength":5,"maxLength":2}""", "#/minLength", "'minLength' 5 is above 'maxLength' 2, so no value fits")]
    [InlineData("""{"type":"string","maxLength":5000}""", "#/maxLength", "'maxLength' 5000 is above 2000, the largest repetition count a grammar may use")]
    [InlineData("""{"type":"integer","minimum":10,"maximum":3}""", "#", "no integer lies between the bounds (10 > 3)")]
    [InlineData("""{"type":"number","maximum":0.5}""", "#/maximum", "the grammar enforces only whole-number bounds on 'number', not 0.5")]
    [InlineData("""{"type":"string","minimum":1}""", "#/minimum", "'minimum' does not apply to type string")]
    [InlineData("""{"type":"text"}""", "#/type", "unknown type 'text'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}""", "#/required/0", "required property 'b' is not declared under 'properties'")]
    [InlineData("""{"$ref":"#/$defs/Missing"}""", "#/$ref", "'#/$defs/Missing' points to nothing in this schema")]
    [InlineData("""{"$ref":"other.json#/x"}""", "#/$ref", "only references inside the schema")]
    [InlineData("""{"$ref":"#/$defs/A","type":"string","$defs":{"A":{}}}""", "#/type", "'type' cannot be combined with '$ref' in one schema")]
    [InlineData("""{"type":"object","properties":{"a":false}}""", "#/properties/a", "the schema 'false' matches no value")]
    [InlineData("""{"properties":{"a/b~c":{"type":"string","pattern":"x"}}}""", "#/properties/a~1b~0c/pattern", "unsupported keyword 'pattern'")]
    [InlineData("""{"minLength":1,"minimum":2}""", "#", "keywords for several types (minLength, minimum) and no 'type'; add a 'type'")]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"anyOf":[{"$ref":"#/$defs/a"},{"type":"null"}]}},"$ref":"#/$defs/a"}""", "#/$defs/a", "this definition refers back to itself through $ref before any JSON text")]
    public void An_unsupported_schema_is_refused_with_the_json_pointer_of_the_problem(string schema, string pointer, string problemStart)
    {
        var error = Assert.Throws<UnsupportedSchemaException>(() => Convert(schema));

        Assert.Equal(pointer, error.Pointer);
        Assert.StartsWith(problemStart, error.Problem);
        Assert.StartsWith($"schema {pointer}: ", error.Message);
    }

    [Fact]
    public void Every_rule_of_a_converted_grammar_is_on_one_line_and_parses_as_llama_cpp_would()
    {
        var schema = """{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string","maxLength":8},"maxItems":4}},"required":["tags"]}""";

        var grammar = JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse(schema).RootElement);

        Assert.Equal(["root", "tags", "tags-item", "char"], grammar.Rules.Keys);
        Assert.Equal([1, 2, 3, 4], grammar.Rules.Values.Select(rule => rule.Line));
        Assert.Equal("tags-item ::= \"\\\"\" char{0,8} \"\\\"\"", Convert(schema).Split('\n')[2]);
    }

    [Fact]
    public void A_response_format_gives_its_schemas_grammar_any_object_without_a_schema_and_none_for_text()
    {
        var schema = JsonDocument.Parse("""{"type":"boolean"}""").RootElement;

        Assert.Equal(Convert("""{"type":"boolean"}"""), JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.ForJsonSchema(schema, "flag")));
        Assert.Equal(Convert("""{"type":"object"}"""), JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.Json));
        Assert.StartsWith("root ::= \"{\" (string \":\" value", JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.Json));
        Assert.Null(JsonSchemaGrammar.ForResponseFormat(ChatResponseFormat.Text));
        Assert.Null(JsonSchemaGrammar.ForResponseFormat(null));
    }

    [Fact]
    public void A_response_format_with_an_unsupported_schema_is_refused_every_time()
    {
        var format = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse("""{"type":"string","format":"email"}""").RootElement, "mail");

        Assert.Throws<UnsupportedSchemaException>(() => JsonSchemaGrammar.ForResponseFormat(format));
        Assert.Equal("#/format", Assert.Throws<UnsupportedSchemaException>(() => JsonSchemaGrammar.ForResponseFormat(format)).Pointer);
    }
}

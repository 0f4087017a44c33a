using System.Text.Json;
using TaleForge.Inference.Structured;
using TaleForge.Inference.Tests.Decisions;

namespace TaleForge.Inference.Tests.Grammar;

/// <summary>Schemas that together use every supported feature, plus the schemas of the sample decision records.</summary>
public static class ConformanceSchemas
{
    public static IReadOnlyDictionary<string, string> HandWritten { get; } = new Dictionary<string, string>
    {
        ["person"] = """
            {"type":"object","additionalProperties":false,"required":["name","age","tags"],"properties":{
              "name":{"type":"string","minLength":1,"maxLength":12},
              "age":{"type":"integer","minimum":0,"maximum":130},
              "nickname":{"type":["string","null"],"maxLength":6},
              "tags":{"type":"array","items":{"type":"string","maxLength":4},"maxItems":3},
              "alive":{"type":"boolean"}}}
            """,
        ["inventory"] = """
            {"type":"array","minItems":1,"maxItems":4,"items":{"type":"object","required":["kind","count"],"properties":{
              "kind":{"enum":["sword","shield","café","中文", 7, true, null]},
              "count":{"type":"integer","minimum":1,"maximum":99},
              "marker":{"const":"x"}}}}
            """,
        ["numbers"] = """
            {"type":"object","required":["small","unit","free","whole","positive","negative","open"],"properties":{
              "small":{"type":"integer","minimum":-1000,"maximum":1000},
              "unit":{"type":"number","minimum":-5,"maximum":5},
              "free":{"type":"number"},
              "whole":{"type":"integer"},
              "positive":{"type":"integer","exclusiveMinimum":0},
              "negative":{"type":"integer","maximum":-7},
              "open":{"type":"integer","exclusiveMinimum":-3,"exclusiveMaximum":12},
              "big":{"type":"integer","minimum":123456789012,"maximum":123456799999}}}
            """,
        ["choice"] = """
            {"oneOf":[
              {"type":"string","enum":["north","south"]},
              {"type":"object","required":["go"],"properties":{"go":{"type":"integer","minimum":1,"maximum":3}},"additionalProperties":false},
              {"type":"array","items":{"anyOf":[{"type":"boolean"},{"type":"null"}]},"maxItems":2}]}
            """,
        // NJsonSchema resolves neither a $ref at the very top nor a $defs entry that refers to itself, so this
        // recursive definition hangs one level down, under "definitions".
        ["tree"] = """
            {"type":"object","required":["top"],"properties":{"top":{"$ref":"#/definitions/node"}},
             "definitions":{"node":{"type":"object","required":["label","children"],"additionalProperties":false,"properties":{
              "label":{"type":"string","maxLength":3},
              "children":{"type":"array","maxItems":3,"items":{"$ref":"#/definitions/node"}}}}}}
            """,
        ["definitions"] = """
            {"type":"object","required":["here","there"],"properties":{
              "here":{"$ref":"#/definitions/place"},
              "there":{"$ref":"#/definitions/place"},
              "via":{"$ref":"#/properties/here"}},
             "definitions":{"place":{"type":"object","required":["id"],"properties":{"id":{"type":"string","minLength":2,"maxLength":5}}}}}
            """,
        ["map"] = """
            {"type":"object","additionalProperties":{"type":"integer","minimum":0,"maximum":9}}
            """,
        ["anything"] = """
            {"type":"object","required":["payload","bag","list"],"properties":{"payload":{},"bag":{"type":"object"},"list":{"type":"array","items":{}}}}
            """,
        ["all-optional"] = """
            {"type":"object","additionalProperties":false,"properties":{
              "a":{"type":"string","maxLength":2},"b":{"type":"integer","minimum":0,"maximum":5},"c":{"type":"null"},"d":{"type":"boolean"}}}
            """,
        ["implicit-types"] = """
            {"properties":{"words":{"items":{"maxLength":3},"maxItems":2},"n":{"minimum":0,"maximum":9}},"required":["words","n"]}
            """,
        ["fixed-shapes"] = """
            {"type":"object","required":["none","exactly","empty"],"properties":{
              "none":{"type":"array","maxItems":0},
              "exactly":{"type":"array","items":{"type":"string","minLength":3,"maxLength":3},"minItems":2,"maxItems":2},
              "empty":{"type":"object","additionalProperties":false}}}
            """,
    };

    public static IReadOnlyDictionary<string, string> All { get; } = HandWritten
        .Concat(SampleDecisions.Types.Select(type => KeyValuePair.Create(type.Name, TypedJson.SchemaFor(type).GetRawText())))
        .ToDictionary();

    public static TheoryData<string> Names => [.. All.Keys];

    public static JsonElement Parse(string name) => JsonDocument.Parse(All[name]).RootElement;
}

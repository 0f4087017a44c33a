using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// The JSON Schema (draft-07) of a trajectory line, one schema for every record kind. The typed parts (the header,
/// events, the narrator's state) are generated from the very types the reader and writer serialize, so a new event
/// kind appears here by itself; the line envelopes are declared once, below. Generated, never edited by hand:
/// docs/schema/trajectory.schema.json is this text (<c>taleforge schema trajectory</c>).
/// </summary>
public static class TrajectorySchema
{
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    public static string Export()
    {
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = $"TaleForge trajectory line ({TrajectoryHeader.CurrentFormat})",
            ["description"] = "One line of a trajectory file (JSON Lines): the first line is a header, every other line an event, a model call or a checkpoint. See docs/trajectory-format.md.",
            ["oneOf"] = new JsonArray(Ref("header"), Ref("event"), Ref("call"), Ref("checkpoint")),
            ["definitions"] = new JsonObject
            {
                ["header"] = Header(),
                ["event"] = Event(),
                ["call"] = Call(),
                ["checkpoint"] = Checkpoint(),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Header()
    {
        var header = Generated(typeof(TrajectoryHeader));
        // A role is written by its own converter, which the generator cannot see into: it is a role's string form.
        DescribeRoles(header);
        header["description"] = "The first line: format, versions, the world and its hash, the seed, who played whom, each model file with its hash and settings, and the settings a re-run needs.";
        header["properties"]!["record"] = Kind("header");
        header["properties"]!["format"] = new JsonObject { ["enum"] = new JsonArray(TrajectoryHeader.CurrentFormat) };
        Require(header, "record", "format");
        return header;
    }

    private static JsonObject Event() => Envelope(
        "event",
        "Something that happened: its place in the story, who perceived it, the event itself (a state change), and its text for the narrator and for each observer.",
        ["step", "parent", "scene", "round", "phase", "observers", "event"],
        new JsonObject
        {
            ["time"] = Text("In-world time after the event (\"day 1, 18:10\")."),
            ["actor"] = Text("The character whose turn or reaction produced it."),
            ["observers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = "Ids of the characters who perceived it." },
            ["event"] = Generated(typeof(WorldEvent)),
            ["text"] = Text("The event as the narrator tells it."),
            ["observations"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
                ["description"] = "Observer id to the event in that observer's words.",
            },
        });

    private static JsonObject Call() => Envelope(
        "call",
        "A decision asked of a model (or made by the human player, role \"player:ID\", model \"human\"): prompt, raw reply, parsed value, tokens, time, failed attempts.",
        ["step", "parent", "scene", "round", "phase", "role", "seed", "model", "schema", "raw", "parsed"],
        new JsonObject
        {
            ["role"] = new JsonObject { ["type"] = "string", ["pattern"] = "^(narrator|director|character:.+|player:.+)$", ["description"] = "Who decided." },
            ["seed"] = new JsonObject { ["type"] = "integer", ["description"] = "The sampling seed, derived from the episode seed, the step and the role." },
            ["model"] = Text("The model file name, or \"human\"."),
            ["schema"] = Text($"The reply's schema (\"{TurnReply.Schema}\", \"{InfluenceReply.Schema}\", ... or \"{PlayerDecisions.TurnSchema}\", \"{PlayerDecisions.QuerySchema}\")."),
            ["prompt"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Closed(new JsonObject { ["role"] = Text("\"system\" or \"user\"."), ["text"] = Text("The message.") }, "role", "text"),
            },
            ["raw"] = Text("The reply as the model wrote it (the accepted one, or the last refused)."),
            ["parsed"] = new JsonObject { ["description"] = "The accepted reply as a value; null when no attempt was accepted." },
            ["tokens"] = Closed(new JsonObject { ["prompt"] = Count(), ["completion"] = Count() }, "prompt", "completion"),
            ["ms"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["description"] = "Wall time of every attempt together, in milliseconds." },
            ["attempts"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Refused attempts before the last, in order: the format failures and re-asks.",
                ["items"] = Closed(new JsonObject { ["raw"] = Text("What the model wrote."), ["error"] = Text("Why it was refused.") }, "raw", "error"),
            },
            ["failure"] = Text("Why no attempt was accepted; absent when one was."),
            ["candidates"] = Described(AnyValueOpen(Generated(typeof(CandidateChoice))),
                "On a turn chosen among sampled candidates (simulate --candidates): every candidate turn (seed, reply, cost), the index of the one played (this call's own reply), the reason, and the judge's pick call."),
            ["trimmed"] = Described(
                Closed(new JsonObject { ["observations"] = Count(), ["tokens"] = Count() }, "observations", "tokens"),
                "What was cut from the prompt to fit the model's context, against the fullest prompt: observations (memories, or the round's events) and tokens; absent when nothing was."),
        });

    private static JsonObject Checkpoint() => Envelope(
        "checkpoint",
        "A point where play waited for the player: the narrator's state there and the next step number, enough to resume exactly.",
        ["step", "parent", "next_step", "narrator"],
        new JsonObject
        {
            ["next_step"] = Count(),
            ["narrator"] = Generated(typeof(NarratorState)),
        });

    /// <summary>A record line: its kind, step and parent, its place in the story, and its own fields.</summary>
    private static JsonObject Envelope(string kind, string description, string[] required, JsonObject fields)
    {
        var properties = new JsonObject
        {
            ["record"] = Kind(kind),
            ["step"] = new JsonObject { ["type"] = "integer", ["description"] = "Unique in the file (checkpoints repeat the step they follow; -1 before any event)." },
            ["parent"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["description"] = "The event this record follows; branches form a tree." },
        };
        if (kind != "checkpoint")
        {
            properties["scene"] = Text("The scene's id.");
            properties["round"] = Count();
            properties["phase"] = new JsonObject { ["enum"] = new JsonArray([.. Enum.GetValues<NarratorPhase>().Select(p => (JsonNode)TrajectoryLines.PhaseName(p))]) };
        }
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            properties[name] = value;
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Prepend("record").Select(r => (JsonNode)r)]),
        };
    }

    private static void DescribeRoles(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties && properties.ContainsKey("role") && properties["role"] is not JsonObject)
            {
                properties["role"] = new JsonObject
                {
                    ["type"] = "string",
                    ["pattern"] = "^(narrator|director|characters|judge|interviewer|character:.+|player:.+)$",
                    ["description"] = "The role the model played: narrator, director, characters (every character a model plays) or character:ID.",
                };
            }
            foreach (var (_, child) in obj.ToList())
            {
                DescribeRoles(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                DescribeRoles(child);
            }
        }
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/definitions/{name}" };

    private static JsonObject Kind(string kind) => new() { ["enum"] = new JsonArray(kind) };

    /// <summary>A free JSON value (a parsed reply) is generated as the schema <c>true</c>; draft-07 readers want <c>{}</c>.</summary>
    private static JsonObject AnyValueOpen(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties.ToList())
            {
                if (value?.GetValueKind() == JsonValueKind.True)
                {
                    properties[name] = new JsonObject();
                }
            }
        }
        foreach (var (_, child) in schema.ToList())
        {
            if (child is JsonObject nested)
            {
                AnyValueOpen(nested);
            }
        }
        return schema;
    }

    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonObject Count() => new() { ["type"] = "integer", ["minimum"] = 0 };

    private static JsonObject Closed(JsonObject properties, params string[] required) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
    };

    private static void Require(JsonObject schema, params string[] names)
    {
        var required = schema["required"] as JsonArray ?? [];
        foreach (var name in names.Where(n => !required.Any(r => r?.GetValue<string>() == n)))
        {
            required.Add(name);
        }
        schema["required"] = required;
    }

    /// <summary>
    /// The schema of a serialized type, made readable by draft-07 validators: references inlined, <c>const</c>
    /// written as a one-value <c>enum</c>, and the <c>type</c> tag of each event kind required.
    /// </summary>
    private static JsonObject Generated(Type type)
    {
        var root = JsonSchemaExporter.GetJsonSchemaAsNode(TrajectoryJson.Options, type).AsObject();
        return (JsonObject)Rewrite(root, root)!;
    }

    private static JsonNode? Rewrite(JsonNode? node, JsonObject root)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference:
                return Rewrite(Resolve(root, reference.GetValue<string>()).DeepClone(), root);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (name == "const")
                    {
                        copy["enum"] = new JsonArray(value?.DeepClone());
                        continue;
                    }
                    copy[name] = Rewrite(value, root);
                }
                if (copy["properties"]?["type"]?["enum"] is not null)
                {
                    Require(copy, "type");
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Rewrite(item, root))]);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode Resolve(JsonObject root, string pointer)
    {
        JsonNode current = root;
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The generated schema refers to '{pointer}', which it does not contain.");
        }
        return current;
    }
}

using System.Text.Json.Nodes;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>Gathers one scene's records, in the order played, into CharacterBox's five shapes.</summary>
internal sealed class CharacterBoxScene(TrajectoryFile trajectory, WorldDefinition world, string sceneId)
{
    private const int RecentMemories = 5;

    private readonly SceneDefinition? _definition = world.FindScene(sceneId);
    private readonly Dictionary<string, JsonArray> _byCharacter = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, JsonArray> _byRound = [];
    private readonly JsonArray _narrator = [];
    private readonly JsonArray _all = [];
    private readonly JsonArray _plots = [];
    private readonly JsonArray _synopses = [];

    // What each character perceived since it last acted, everything it perceived, and its last beliefs.
    private readonly Dictionary<string, List<string>> _unseen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastObservation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _memories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Beliefs> _beliefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallRecord> _lastDecision = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, string>> _directions = [];
    private JsonArray? _characters;
    private double _seconds;

    public void Add(EventRecord e, WorldState state)
    {
        var round = state.Scene?.Round ?? 0;
        if (e.Event is WorldEvent.RoundStarted && _characters is null)
        {
            _characters = Characters(state);
        }
        switch (e.Event)
        {
            case WorldEvent.BeliefsRevised revised:
                _beliefs[revised.Character] = revised.Beliefs;
                return;
            case WorldEvent.Narrated { Kind: NarrationKind.Summary } summary:
                _plots.Add(new JsonObject { ["round"] = round, ["plot"] = summary.Text });
                return;
        }
        if (round >= 1 && e.Actor is { } actor && Entry(e, actor, state, round) is { } entry)
        {
            Character(actor).Add(entry);
            Round(round).Add(entry.DeepClone());
        }
        Perceive(e);
    }

    public void Add(CallRecord call, WorldState state)
    {
        var round = state.Scene?.Round ?? 0;
        if ((call.Character ?? call.Player) is { } decider)
        {
            _lastDecision[decider] = call;
        }
        if (!call.ByModel)
        {
            return;
        }
        _seconds += call.Milliseconds / 1000;
        _all.Add(new JsonObject
        {
            ["character"] = call.Character is { } id ? Name(id) : call.Role == "director" ? "Director" : "Narrator",
            ["prompt"] = CallSelection.Instruction(call),
            ["response"] = call.Raw,
            ["duration"] = Math.Round(call.Milliseconds / 1000, 3),
        });
        if (call.Role == "director" && call.Parsed?["directions"] is JsonArray directions)
        {
            var lines = directions.OfType<JsonObject>()
                .Where(d => d["character"] is not null && d["direction"] is not null)
                .GroupBy(d => (string)d["character"]!)
                .ToDictionary(g => g.Key, g => (string)g.First()["direction"]!, StringComparer.Ordinal);
            _directions[round] = lines;
            _synopses.Add(new JsonObject { ["round"] = round, ["synopsis"] = new JsonObject([.. lines.Select(l => KeyValuePair.Create(Name(l.Key), (JsonNode?)l.Value))]) });
        }
        if (call.Role == "narrator" && round >= 1 && NarratorType(call.Schema) is { } type)
        {
            var entry = new JsonObject
            {
                ["round"] = round,
                ["character_id"] = -1,
                ["character_name"] = "Narrator",
                ["type"] = type,
                ["detail"] = SceneDetail(state, NarratorText(call), call),
            };
            _narrator.Add(entry);
            if (type == "Analyze Result")
            {
                Round(round).Add(entry.DeepClone());
            }
        }
    }

    public CharacterBoxRun Finish(WorldState state)
    {
        _characters ??= Characters(state);
        var scene = SceneInfo();
        var plot = (JsonObject)scene.DeepClone();
        plot["generated_plot"] = _plots;
        plot["synopsis"] = _synopses;
        var characters = new JsonObject();
        foreach (var (id, entries) in _byCharacter)
        {
            characters[id] = entries;
        }
        return new CharacterBoxRun(
            sceneId,
            Run(plot),
            Run(characters),
            Run(new JsonArray([.. _byRound.Values])),
            Run(_narrator),
            Run(_all, extra: run =>
            {
                run["total_cost"] = 0.0;
                run["duration"] = Math.Round(_seconds, 3);
            }));
    }

    /// <summary>CharacterBox's record line: the work, the scene and its cast, then the record itself.</summary>
    private JsonObject Run(JsonNode record, Action<JsonObject>? extra = null)
    {
        var run = new JsonObject
        {
            ["title"] = world.Info.Title,
            ["scene_id"] = sceneId,
            ["scene"] = SceneInfo(),
            ["characters"] = _characters!.DeepClone(),
            ["trajectory"] = Path.GetFileName(trajectory.Path),
        };
        extra?.Invoke(run);
        run["record"] = record;
        return run;
    }

    private JsonObject SceneInfo() => new()
    {
        ["id"] = sceneId,
        ["event"] = _definition?.Event ?? "",
        ["time"] = _definition?.Time ?? "",
        ["location"] = _definition is { } d ? world.FindLocation(d.Location)?.Name ?? d.Location : "",
        ["description"] = _definition?.Description ?? "",
    };

    private JsonArray Characters(WorldState state)
    {
        var participants = _definition?.Participants.Where(state.Characters.ContainsKey).ToList() is { Count: > 0 } listed
            ? listed
            : _definition is { } d ? [.. state.CharactersAt(d.Location)] : [];
        return [.. participants.Select(id =>
        {
            var definition = world.Character(id);
            var now = state.Character(id);
            return (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["name"] = definition.Name,
                ["gender"] = Gender(definition.Pronouns),
                ["description"] = definition.Description,
                ["position"] = now.Position,
                ["states"] = now.Condition,
            };
        })];
    }

    /// <summary>A character's action, line or reaction, with the inputs CharacterBox's judge reads.</summary>
    private JsonObject? Entry(EventRecord e, string actor, WorldState state, int round)
    {
        var reacting = e.Phase == NarratorPhase.Reaction;
        if (e.Phase is not (NarratorPhase.ActorTurn or NarratorPhase.Reaction) || world.FindCharacter(actor) is null)
        {
            return null;
        }
        var (type, text) = e.Event switch
        {
            WorldEvent.Said said => ("dialogue", said.Text),
            WorldEvent.Acted => (reacting ? "reaction" : "action", e.Text ?? ""),
            WorldEvent.Moved or WorldEvent.Took or WorldEvent.Dropped or WorldEvent.Gave or WorldEvent.Vetoed => (reacting ? "reaction" : "action", e.Text ?? ""),
            _ => (null, ""),
        };
        if (type is null || text.Length == 0)
        {
            return null;
        }
        var decision = _lastDecision.GetValueOrDefault(actor);
        var detail = SceneDetail(state, text, decision);
        var self = state.Character(actor);
        var definition = world.Character(actor);
        var beliefs = _beliefs.GetValueOrDefault(actor) ?? Beliefs.None;
        detail["location"] = world.FindLocation(self.Location)?.Name ?? self.Location;
        detail["name"] = definition.Name;
        detail["character_description"] = definition.Description;
        detail["position"] = self.Position;
        detail["states"] = self.Condition;
        detail["self_belief"] = string.Join(" ", new[] { beliefs.Belief, beliefs.Desire, beliefs.Intention }.Where(t => t.Length > 0));
        detail["env_belief"] = string.Join(" ", beliefs.Others.Select(o => $"{Name(o.Key)}: {o.Value}"));
        detail["observation"] = Observation(actor);
        detail["plot"] = _directions.GetValueOrDefault(round)?.GetValueOrDefault(actor) ?? "";
        detail["most_recent_memories"] = string.Join("\n", (_memories.GetValueOrDefault(actor) ?? []).TakeLast(RecentMemories).Reverse());
        return new JsonObject
        {
            ["round"] = round,
            ["character_id"] = actor,
            ["character_name"] = definition.Name,
            ["type"] = type,
            ["detail"] = detail,
        };
    }

    /// <summary>The inputs every entry carries: the scene as it is, the output text, and the prompt that produced it.</summary>
    private JsonObject SceneDetail(WorldState state, string text, CallRecord? call) => new()
    {
        ["event"] = _definition?.Event ?? "",
        ["time"] = state.Scene?.Time ?? "",
        ["location"] = _definition is { } d ? world.FindLocation(d.Location)?.Name ?? d.Location : "",
        ["description"] = state.Scene?.Environment ?? "",
        ["text"] = text,
        // Their evaluators rebuild a prompt with Python's str.format; ours is already filled, so braces are escaped.
        ["prompt"] = new JsonObject
        {
            ["input_variables"] = new JsonArray(),
            ["template"] = (call is null ? "" : CallSelection.Instruction(call)).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal),
            ["template_format"] = "f-string",
        },
        ["model"] = call?.Model ?? "authored",
        ["step"] = call?.Step,
    };

    /// <summary>What the character perceived of others since its last entry (the same for every entry of one turn).</summary>
    private string Observation(string character)
    {
        if (_unseen.GetValueOrDefault(character) is { Count: > 0 } unseen)
        {
            _lastObservation[character] = string.Join("\n", unseen);
            unseen.Clear();
        }
        return _lastObservation.GetValueOrDefault(character) ?? "";
    }

    private void Perceive(EventRecord e)
    {
        foreach (var observer in e.Observers.Where(o => o != e.Actor))
        {
            if (e.TextFor(observer) is not { } text)
            {
                continue;
            }
            List(_unseen, observer).Add(text);
            List(_memories, observer).Add(text);
        }
    }

    private static List<string> List(Dictionary<string, List<string>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }
        return list;
    }

    private JsonArray Character(string id)
    {
        if (!_byCharacter.TryGetValue(id, out var entries))
        {
            _byCharacter[id] = entries = [];
        }
        return entries;
    }

    private JsonArray Round(int round)
    {
        if (!_byRound.TryGetValue(round, out var entries))
        {
            _byRound[round] = entries = [];
        }
        return entries;
    }

    private string Name(string id) => world.FindCharacter(id)?.Name ?? id;

    private static string? NarratorType(string schema) => schema switch
    {
        "influence" => "Action Influence",
        "result" => "Analyze Result",
        "updates" => "Update Character",
        "environment" => "Update Scene",
        _ => null,
    };

    /// <summary>The narrator's typed reply as the prose CharacterBox's narrator would have written.</summary>
    private string NarratorText(CallRecord call)
    {
        var parsed = call.Parsed as JsonObject;
        string Field(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? "";
        return call.Schema switch
        {
            "influence" => parsed?["affected"] is JsonArray { Count: > 0 } affected
                ? string.Join("\n", affected.Select(a => $"{Name(Field(a, "character"))}: {Field(a, "impact")}"))
                : "No one is affected.",
            "result" => Field(parsed, "narration"),
            "updates" => string.Join("\n", (parsed?["updates"] as JsonArray ?? []).Select(u =>
                $"{Name(Field(u, "character"))}: Position: {Field(u, "position")} State: {Field(u, "condition")} Emotion: {Field(u, "emotion")}")),
            "environment" => parsed?["changed"]?.GetValue<bool>() == true
                ? $"{Field(parsed, "description")} {Field(parsed, "time")}".Trim()
                : "The scene is unchanged.",
            _ => call.Raw,
        };
    }

    private static string Gender(string pronouns) => pronouns.Split('/')[0].Trim().ToLowerInvariant() switch
    {
        "she" => "female",
        "he" => "male",
        _ => "",
    };
}

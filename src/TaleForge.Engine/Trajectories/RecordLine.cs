using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// Reads one record line field by field straight from its UTF-8 bytes, handing the typed parts (event, narrator
/// state, parsed reply) to the serializer. Loading a long trajectory is mostly this loop, so it allocates only
/// what the record keeps, and the short strings that repeat on every line (scene, time, ids, roles) are shared.
/// Unknown fields are skipped, so a newer writer's additions do not stop an older reader.
/// </summary>
internal ref struct RecordLine(ReadOnlySpan<byte> line, StringPool pool)
{
    private Utf8JsonReader _json = new(line);

    private string? _kind;
    private long? _step;
    private long? _parent;
    private string? _scene;
    private int? _round;
    private NarratorPhase? _phase;
    private string? _time;
    private string? _actor;
    private ImmutableArray<string> _observers;
    private WorldEvent? _event;
    private string? _text;
    private ImmutableSortedDictionary<string, string>? _observations;
    private string? _role;
    private long? _seed;
    private string? _model;
    private string? _schema;
    private ImmutableArray<(string Role, string Text)> _prompt;
    private string? _raw;
    private JsonNode? _parsed;
    private int _promptTokens;
    private int _completionTokens;
    private double? _ms;
    private ImmutableArray<(string Raw, string Error)> _attempts;
    private string? _failure;
    private CandidateChoice? _candidates;
    private PromptCut? _trimmed;
    private NarratorState? _narrator;
    private long? _nextStep;

    /// <summary>The record, or a <see cref="JsonException"/> naming what is wrong with it.</summary>
    public TrajectoryRecord Read(int number)
    {
        Next(JsonTokenType.StartObject, "the line");
        while (Next() == JsonTokenType.PropertyName)
        {
            Field();
        }
        var step = _step ?? throw Missing("step");
        return _kind switch
        {
            "event" => new EventRecord(step, _parent, number)
            {
                Scene = _scene ?? "",
                Round = _round ?? 0,
                Phase = _phase ?? throw Missing("phase"),
                Time = _time ?? "",
                Actor = _actor,
                Observers = _observers.IsDefault ? [] : _observers,
                Event = _event ?? throw Missing("event"),
                Text = _text,
                Observations = _observations ?? EventRecord.NoObservations,
            },
            "call" => new CallRecord(step, _parent, number)
            {
                Scene = _scene ?? "",
                Round = _round ?? 0,
                Phase = _phase ?? throw Missing("phase"),
                Role = Role.TryParse(_role ?? throw Missing("role")) ?? throw new JsonException($"'{_role}' is not a role (narrator, director, character:ID, player:ID)"),
                Seed = _seed ?? throw Missing("seed"),
                Model = _model ?? "",
                Schema = _schema ?? "",
                Prompt = _prompt.IsDefault ? [] : _prompt,
                Raw = _raw ?? "",
                Parsed = _parsed,
                PromptTokens = _promptTokens,
                CompletionTokens = _completionTokens,
                Milliseconds = _ms ?? 0,
                Attempts = _attempts.IsDefault ? [] : _attempts,
                Failure = _failure,
                Candidates = _candidates,
                Trimmed = _trimmed,
            },
            "checkpoint" => new CheckpointRecord(step, _parent, number)
            {
                Narrator = _narrator ?? throw Missing("narrator"),
                NextStep = _nextStep ?? 0,
            },
            null => throw Missing("record"),
            var other => throw new JsonException($"unknown record kind '{other}'"),
        };
    }

    private void Field()
    {
        var name = pool.Get(ref _json);
        Next();
        switch (name)
        {
            case "record": _kind = PooledString(name); break;
            case "step": _step = Long(name); break;
            case "parent": _parent = _json.TokenType == JsonTokenType.Null ? null : Long(name); break;
            case "scene": _scene = PooledString(name); break;
            case "round": _round = (int)Long(name); break;
            case "phase": _phase = Phase(); break;
            case "time": _time = PooledString(name); break;
            case "actor": _actor = _json.TokenType == JsonTokenType.Null ? null : PooledString(name); break;
            case "observers": _observers = Observers(); break;
            case "event": _event = JsonSerializer.Deserialize<WorldEvent>(ref _json, TrajectoryJson.Options); break;
            case "text": _text = OptionalString(name); break;
            case "observations": _observations = Observations(); break;
            case "role": _role = PooledString(name); break;
            case "seed": _seed = Long(name); break;
            case "model": _model = PooledString(name); break;
            case "schema": _schema = PooledString(name); break;
            case "prompt": _prompt = Pairs(name, "role", "text", poolFirst: true); break;
            case "raw": _raw = OptionalString(name); break;
            case "parsed": _parsed = JsonNode.Parse(ref _json); break;
            case "tokens": Tokens(); break;
            case "ms": _ms = Number(name); break;
            case "attempts": _attempts = Pairs(name, "raw", "error", poolFirst: false); break;
            case "failure": _failure = OptionalString(name); break;
            case "candidates": _candidates = JsonSerializer.Deserialize<CandidateChoice>(ref _json, TrajectoryJson.Options); break;
            case "trimmed": _trimmed = _json.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<PromptCut>(ref _json, TrajectoryJson.Options); break;
            case "narrator": _narrator = JsonSerializer.Deserialize<NarratorState>(ref _json, TrajectoryJson.Options); break;
            case "next_step": _nextStep = Long(name); break;
            default: _json.Skip(); break;
        }
    }

    private JsonTokenType Next()
    {
        if (!_json.Read())
        {
            throw new JsonException("the line ends inside the record");
        }
        return _json.TokenType;
    }

    private void Next(JsonTokenType expected, string what)
    {
        if (Next() != expected)
        {
            throw new JsonException($"{what} must be a JSON {Describe(expected)}, not {Describe(_json.TokenType)}");
        }
    }

    private readonly long Long(string field) =>
        _json.TokenType == JsonTokenType.Number && _json.TryGetInt64(out var value)
            ? value
            : throw new JsonException($"'{field}' must be a whole number, not {Describe(_json.TokenType)}");

    private readonly double Number(string field) =>
        _json.TokenType == JsonTokenType.Number ? _json.GetDouble() : throw new JsonException($"'{field}' must be a number, not {Describe(_json.TokenType)}");

    private string PooledString(string field) =>
        _json.TokenType == JsonTokenType.String ? pool.Get(ref _json) : throw new JsonException($"'{field}' must be a string, not {Describe(_json.TokenType)}");

    private readonly string? OptionalString(string field) => _json.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => _json.GetString(),
        var other => throw new JsonException($"'{field}' must be a string, not {Describe(other)}"),
    };

    private readonly NarratorPhase Phase()
    {
        if (_json.TokenType == JsonTokenType.String)
        {
            for (var i = 0; i < PhaseNames.Length; i++)
            {
                if (_json.ValueTextEquals(PhaseNames[i]))
                {
                    return (NarratorPhase)i;
                }
            }
        }
        throw new JsonException($"'phase' must be one of {string.Join(", ", PhaseNames)}, not {(_json.TokenType == JsonTokenType.String ? $"'{_json.GetString()}'" : Describe(_json.TokenType))}");
    }

    private static readonly string[] PhaseNames = [.. Enum.GetValues<NarratorPhase>().Select(TrajectoryLines.PhaseName)];

    private ImmutableArray<string> Observers()
    {
        Expect(JsonTokenType.StartArray, "observers");
        var observers = ImmutableArray.CreateBuilder<string>(4);
        while (Next() != JsonTokenType.EndArray)
        {
            observers.Add(PooledString("observers"));
        }
        return observers.DrainToImmutable();
    }

    private ImmutableSortedDictionary<string, string> Observations()
    {
        Expect(JsonTokenType.StartObject, "observations");
        var seen = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (Next() == JsonTokenType.PropertyName)
        {
            var observer = pool.Get(ref _json);
            Next();
            seen[observer] = OptionalString("observations") ?? "";
        }
        return seen.ToImmutable();
    }

    /// <summary>An array of objects with two string fields: prompt messages, or failed attempts.</summary>
    private ImmutableArray<(string, string)> Pairs(string field, string first, string second, bool poolFirst)
    {
        Expect(JsonTokenType.StartArray, field);
        var pairs = ImmutableArray.CreateBuilder<(string, string)>();
        while (Next() != JsonTokenType.EndArray)
        {
            Expect(JsonTokenType.StartObject, field);
            string a = "", b = "";
            while (Next() == JsonTokenType.PropertyName)
            {
                var name = pool.Get(ref _json);
                Next();
                if (name == first)
                {
                    a = poolFirst ? PooledString(field) : OptionalString(field) ?? "";
                }
                else if (name == second)
                {
                    b = OptionalString(field) ?? "";
                }
                else
                {
                    _json.Skip();
                }
            }
            pairs.Add((a, b));
        }
        return pairs.DrainToImmutable();
    }

    private void Tokens()
    {
        Expect(JsonTokenType.StartObject, "tokens");
        while (Next() == JsonTokenType.PropertyName)
        {
            var name = pool.Get(ref _json);
            Next();
            switch (name)
            {
                case "prompt": _promptTokens = (int)Long("tokens.prompt"); break;
                case "completion": _completionTokens = (int)Long("tokens.completion"); break;
                default: _json.Skip(); break;
            }
        }
    }

    private readonly void Expect(JsonTokenType expected, string field)
    {
        if (_json.TokenType != expected)
        {
            throw new JsonException($"'{field}' must be a JSON {Describe(expected)}, not {Describe(_json.TokenType)}");
        }
    }

    private static JsonException Missing(string field) => new($"'{field}' is missing");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        var other => other.ToString(),
    };
}

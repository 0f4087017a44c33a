using System.Buffers;
using System.Text;
using System.Text.Json;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// How each record is written as one line of JSON. The writer and every tool that prints records (replay --json,
/// swapped re-plays) go through here, so a record read back and written again is the same line, byte for byte.
/// </summary>
public static class TrajectoryLines
{
    /// <summary>The record as its line (no newline).</summary>
    public static string Of(TrajectoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(record, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The header as its line (no newline).</summary>
    public static string Of(TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return JsonSerializer.Serialize(header, TrajectoryJson.Options);
    }

    /// <summary>Writes the record's line as UTF-8 into <paramref name="output"/> (no newline).</summary>
    public static void Write(TrajectoryRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = TrajectoryJson.Options.Encoder, SkipValidation = true });
        json.WriteStartObject();
        switch (record)
        {
            case EventRecord e:
                WriteEvent(json, e);
                break;
            case CallRecord c:
                WriteCall(json, c);
                break;
            case CheckpointRecord k:
                WriteCheckpoint(json, k);
                break;
            default:
                throw new ArgumentException($"A record of kind {record.GetType().Name} has no line format.", nameof(record));
        }
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, EventRecord e)
    {
        json.WriteString("record", "event");
        WritePlace(json, e.Step, e.Parent, e.Scene, e.Round, e.Phase);
        json.WriteString("time", e.Time);
        WriteOptional(json, "actor", e.Actor);
        json.WriteStartArray("observers");
        foreach (var observer in e.Observers)
        {
            json.WriteStringValue(observer);
        }
        json.WriteEndArray();
        json.WritePropertyName("event");
        JsonSerializer.Serialize(json, e.Event, TrajectoryJson.Options);
        WriteOptional(json, "text", e.Text);
        if (!e.Observations.IsEmpty)
        {
            json.WriteStartObject("observations");
            foreach (var (observer, text) in e.Observations)
            {
                json.WriteString(observer, text);
            }
            json.WriteEndObject();
        }
    }

    private static void WriteCall(Utf8JsonWriter json, CallRecord c)
    {
        json.WriteString("record", "call");
        WritePlace(json, c.Step, c.Parent, c.Scene, c.Round, c.Phase);
        json.WriteString("role", c.Role.ToString());
        json.WriteNumber("seed", c.Seed);
        json.WriteString("model", c.Model);
        json.WriteString("schema", c.Schema);
        json.WriteStartArray("prompt");
        foreach (var (role, text) in c.Prompt)
        {
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("raw", c.Raw);
        json.WritePropertyName("parsed");
        if (c.Parsed is null)
        {
            json.WriteNullValue();
        }
        else
        {
            c.Parsed.WriteTo(json, TrajectoryJson.Options);
        }
        json.WriteStartObject("tokens");
        json.WriteNumber("prompt", c.PromptTokens);
        json.WriteNumber("completion", c.CompletionTokens);
        json.WriteEndObject();
        json.WriteNumber("ms", Math.Round(c.Milliseconds, 3));
        json.WriteStartArray("attempts");
        foreach (var (raw, error) in c.Attempts)
        {
            json.WriteStartObject();
            json.WriteString("raw", raw);
            json.WriteString("error", error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteOptional(json, "failure", c.Failure);
        if (c.Candidates is not null)
        {
            json.WritePropertyName("candidates");
            JsonSerializer.Serialize(json, c.Candidates, TrajectoryJson.Options);
        }
        if (c.Trimmed is { } cut)
        {
            json.WriteStartObject("trimmed");
            json.WriteNumber("observations", cut.Observations);
            json.WriteNumber("tokens", cut.Tokens);
            json.WriteEndObject();
        }
    }

    private static void WriteCheckpoint(Utf8JsonWriter json, CheckpointRecord k)
    {
        json.WriteString("record", "checkpoint");
        json.WriteNumber("step", k.Step);
        WriteParent(json, k.Parent);
        json.WriteNumber("next_step", k.NextStep);
        json.WritePropertyName("narrator");
        JsonSerializer.Serialize(json, k.Narrator, TrajectoryJson.Options);
    }

    private static void WritePlace(Utf8JsonWriter json, long step, long? parent, string scene, int round, NarratorPhase phase)
    {
        json.WriteNumber("step", step);
        WriteParent(json, parent);
        json.WriteString("scene", scene);
        json.WriteNumber("round", round);
        json.WriteString("phase", PhaseName(phase));
    }

    private static void WriteParent(Utf8JsonWriter json, long? parent)
    {
        if (parent is { } value)
        {
            json.WriteNumber("parent", value);
        }
        else
        {
            json.WriteNull("parent");
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static readonly string[] PhaseNames = [.. Enum.GetValues<NarratorPhase>().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.ToString()))];

    /// <summary>A phase as trajectories name it: "actor_turn".</summary>
    public static string PhaseName(NarratorPhase phase) => PhaseNames[(int)phase];

    /// <summary>The type tag an event is written with ("took", "scene_started").</summary>
    public static string EventType(WorldEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return TrajectoryJson.TypeTag(e.GetType());
    }
}

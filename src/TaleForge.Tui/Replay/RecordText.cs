using System.Globalization;
using System.Text.Json;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Tui.Replay;

/// <summary>
/// How the replay viewer words a record: one line for the list, and the full detail for the inspector (for a
/// model call: the prompt message by message, the raw reply, the parsed value, refused attempts, tokens and time).
/// </summary>
public static class RecordText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>One line: step, phase, and what happened or who was asked.</summary>
    public static string Summary(TrajectoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var step = record.Step.ToString(CultureInfo.InvariantCulture).PadLeft(4);
        return record switch
        {
            EventRecord e => $"{step} {TrajectoryLines.PhaseName(e.Phase),-12} {e.Text ?? e.Event.GetType().Name}",
            CallRecord c => $"{step} {TrajectoryLines.PhaseName(c.Phase),-12} ⚙ {c.Role} {c.Schema}{(c.Failure is null ? "" : " ✗")}",
            CheckpointRecord k => $"{step} {TrajectoryLines.PhaseName(k.Narrator.Phase),-12} ◆ checkpoint",
            _ => step,
        };
    }

    /// <summary>Everything the record holds, as paragraphs to wrap.</summary>
    public static IReadOnlyList<string> Detail(TrajectoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record switch
        {
            EventRecord e => Event(e),
            CallRecord c => Call(c),
            CheckpointRecord k => Checkpoint(k),
            _ => [],
        };
    }

    private static List<string> Event(EventRecord e)
    {
        var lines = new List<string>
        {
            $"Event {e.Step} · scene {e.Scene} · round {e.Round} · {TrajectoryLines.PhaseName(e.Phase)}{(e.Time.Length > 0 ? " · " + e.Time : "")}",
            $"Kind: {e.Event.GetType().Name}{(e.Actor is null ? "" : " · actor " + e.Actor)}",
            $"Observers: {(e.Observers.IsEmpty ? "nobody" : string.Join(", ", e.Observers))}",
            "",
            e.Text ?? "(written without text)",
        };
        lines.AddRange(e.Observations.Select(o => $"{o.Key} perceived: {o.Value}"));
        lines.Add("");
        lines.Add("── Record ──");
        lines.Add(TrajectoryLines.Of(e));
        return lines;
    }

    private static List<string> Call(CallRecord c)
    {
        var seconds = (c.Milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture);
        var speed = c.Milliseconds > 0 && c.CompletionTokens > 0
            ? $" · {(c.CompletionTokens / (c.Milliseconds / 1000)).ToString("0.0", CultureInfo.InvariantCulture)} tokens/s"
            : "";
        var lines = new List<string>
        {
            $"Call {c.Step} · {c.Role} · schema {c.Schema} · scene {c.Scene} · round {c.Round} · {TrajectoryLines.PhaseName(c.Phase)}",
            $"Model: {c.Model} · seed {c.Seed}",
            $"Tokens: {c.PromptTokens} prompt, {c.CompletionTokens} completion · time {seconds} s{speed}",
        };
        if (c.Failure is { } failure)
        {
            lines.Add($"Failed: {failure}");
        }
        lines.Add("");
        lines.Add("── Prompt ──");
        foreach (var (role, text) in c.Prompt)
        {
            lines.Add($"[{role}]");
            lines.AddRange(text.Split('\n'));
        }
        foreach (var (raw, error) in c.Attempts)
        {
            lines.Add("");
            lines.Add($"── Refused attempt: {error} ──");
            lines.AddRange(raw.Split('\n'));
        }
        lines.Add("");
        lines.Add("── Raw reply ──");
        lines.AddRange(c.Raw.Split('\n'));
        lines.Add("");
        lines.Add("── Parsed ──");
        lines.AddRange((c.Parsed?.ToJsonString(Indented) ?? "(nothing parsed)").Split('\n'));
        if ((c.Character ?? c.Player) is not null)
        {
            lines.Add("");
            lines.Add("── Decision ──");
            lines.Add(DecisionText.Of(c));
        }
        return lines;
    }

    private static List<string> Checkpoint(CheckpointRecord k) =>
    [
        $"Checkpoint after step {k.Parent?.ToString(CultureInfo.InvariantCulture) ?? "-"} · next step {k.NextStep}",
        $"Narrator phase: {TrajectoryLines.PhaseName(k.Narrator.Phase)}",
        $"Waiting: {(k.Narrator.Queue.IsEmpty ? "nobody" : string.Join(", ", k.Narrator.Queue))}",
    ];
}

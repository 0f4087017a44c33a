using TaleForge.Engine.Trajectories;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>
/// The replay viewer on the hand-made trajectory (Tomas lifts the lantern; Mara tells him to go away, undoes it
/// and retries), at 80×24 and 120×40: stepping, jumping between calls, the prompt inspector and the filters.
/// </summary>
public sealed class ReplayScreenTests : IDisposable
{
    private readonly Recordings _recordings = new();
    private readonly TrajectoryFile _file;

    public ReplayScreenTests() => _file = TrajectoryFile.Read(HandMadeTrajectory.Write(_recordings));

    [Fact]
    public void The_viewer_opens_on_the_first_record_of_the_main_branch_at_80x24()
    {
        using var replay = new ReplayOnScreen(_file);
        var screen = replay.Text();
        Assert.Contains("The Harbour — hand-made.jsonl", screen);
        Assert.Contains("seed 1 · main branch · character: all · phase: all · 1/17", screen);
        Assert.Contains("▶   0 scene_setup  Arrival", screen);
        Assert.Contains("← → step", screen);
        Assert.Contains("Event 0 · scene arrival · round 0 · scene_setup", screen);
        Assert.Contains("Observers: mara, tomas, ines", screen);
        Assert.DoesNotContain("Tomas Reyes scowls.", screen);
    }

    [Fact]
    public void Tab_jumps_to_the_first_model_call_and_shows_its_prompt_reply_parsed_value_tokens_and_time()
    {
        using var replay = new ReplayOnScreen(_file, 120, 40);
        replay.Press(Key.Tab);
        var screen = replay.Text();
        Assert.Equal(2, replay.Screen.Browser.Current!.Step);
        Assert.Contains("Call 2 · character:tomas · schema beliefs", screen);
        Assert.Contains("Model: tiny.gguf · seed 1002", screen);
        Assert.Contains("Tokens: 100 prompt, 20 completion · time 1.50 s · 13.3 tokens/s", screen);
        Assert.Contains("[system]", screen);
        Assert.Contains("You are Tomas Reyes.", screen);
        Assert.Contains("It is your turn.", screen);
        Assert.Contains("── Raw reply ──", screen);
        Assert.Contains("\"belief\": \"Night falls.\",", screen);
    }

    [Fact]
    public void Stepping_forward_reaches_the_refused_attempt_and_stepping_back_returns()
    {
        using var replay = new ReplayOnScreen(_file, 120, 40);
        replay.Press(Key.CursorRight, 4);
        var screen = replay.Text();
        Assert.Equal(4, replay.Screen.Browser.Current!.Step);
        Assert.Contains("── Refused attempt: NotJson: it is not valid JSON ──", screen);
        Assert.Contains("5/17", screen);

        replay.Press(Key.CursorLeft, 2);
        Assert.Equal(2, replay.Screen.Browser.Current!.Step);
        replay.Press(Key.CursorLeft, 5);
        Assert.Equal(0, replay.Screen.Browser.Current!.Step);
    }

    [Fact]
    public void The_main_branch_keeps_the_retry_and_leaves_out_the_undone_reply()
    {
        using var replay = new ReplayOnScreen(_file, 120, 40);
        replay.Press(Key.End);
        var screen = replay.Text();
        Assert.Contains("Tomas Reyes laughs.", screen);
        Assert.DoesNotContain("Tomas Reyes scowls.", screen);
        Assert.Contains("Event 19", screen);
        Assert.Contains("17/17", screen);
    }

    [Fact]
    public void C_filters_to_one_character_and_keeps_the_selection_near_where_it_was()
    {
        using var replay = new ReplayOnScreen(_file, 120, 40);
        replay.Press(Key.CursorRight, 5);
        replay.Press(Key.C, 3);
        var screen = replay.Text();
        Assert.Equal("tomas", replay.Screen.Browser.Character);
        Assert.Contains("character: tomas", screen);
        Assert.Equal(5, replay.Screen.Browser.Current!.Step);
        Assert.All(replay.Screen.Browser.Records.OfType<CallRecord>(), c => Assert.Equal("tomas", c.Character));
        Assert.DoesNotContain("Summarise.", screen);

        replay.Press(Key.C);
        Assert.Null(replay.Screen.Browser.Character);
        Assert.Contains("character: all", replay.Text());
    }

    [Fact]
    public void P_filters_to_one_phase_at_a_time_and_says_when_nothing_is_left()
    {
        using var replay = new ReplayOnScreen(_file);
        replay.Press(Key.P, 2);
        var screen = replay.Text();
        Assert.Contains("phase: round_start", screen);
        Assert.All(replay.Screen.Browser.Records, r => Assert.Equal(Engine.Narration.NarratorPhase.RoundStart, Replay.ReplayBrowser.PhaseOf(r)));
        Assert.Equal([1L, 2L, 3L], replay.Screen.Browser.Records.Select(r => r.Step));

        replay.Press(Key.C);
        Assert.Contains("No record matches these filters", replay.Text());
    }

    [Fact]
    public void PgDn_scrolls_a_long_call_in_the_inspector_at_80x24()
    {
        using var replay = new ReplayOnScreen(_file);
        replay.Press(Key.Tab, 2);
        var before = replay.Text();
        Assert.Contains("Call 4", before);
        replay.Press(Key.PageDown);
        var after = replay.Text();
        Assert.True(replay.Screen.Detail.Top > 0);
        Assert.DoesNotContain("Model: tiny.gguf", after);
        Assert.Contains("── Parsed ──", after);
        Assert.Contains("Call 4", before);
    }

    public void Dispose() => _recordings.Dispose();
}

using System.Text.Json.Nodes;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Tests.Replay;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Export;

namespace TaleForge.Research.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly Recordings _recordings = new();
    private readonly TrajectoryFile _file;

    public ExportTests() => _file = TrajectoryFile.Read(HandMadeTrajectory.Write(_recordings));

    public void Dispose() => _recordings.Dispose();

    private const string TomasTurn = HandMadeTrajectory.System + "\n\n" + HandMadeTrajectory.TurnPrompt;
    private const string TomasReaction = HandMadeTrajectory.System + "\n\n" + HandMadeTrajectory.ReactionPrompt;

    [Fact]
    public void Alpaca_records_are_the_kept_character_calls_with_their_filled_prompt_and_reply()
    {
        var records = InstructionRecords.Alpaca(_file).ToList();

        Assert.Equal([TomasTurn, TomasTurn, TomasReaction], records.Select(r => (string)r["instruction"]!));
        Assert.Equal(HandMadeTrajectory.TurnReply, (string)records[1]["output"]!);
        // The kept retry's laugh, not the undone scowl.
        Assert.Equal(HandMadeTrajectory.Laugh, (string)records[2]["output"]!);
        Assert.All(records, r => Assert.Equal("", (string)r["input"]!));
        Assert.All(records, r => Assert.Empty(r["history"]!.AsArray()));
        Assert.All(records, r => Assert.Equal(["instruction", "input", "output", "history"], r.Select(p => p.Key)));
    }

    [Fact]
    public void ShareGpt_and_ChatMl_hold_one_conversation_per_kept_model_call_of_every_role()
    {
        var sharegpt = InstructionRecords.ShareGpt(_file).ToList();
        var chatml = InstructionRecords.ChatMl(_file).ToList();

        Assert.Equal(["hand-made#2", "hand-made#4", "hand-made#7", "hand-made#8", "hand-made#16", "hand-made#18"], sharegpt.Select(r => (string)r["id"]!));
        Assert.Equal(sharegpt.Select(r => (string)r["id"]!), chatml.Select(r => (string)r["id"]!));
        var turn = sharegpt[1]["conversations"]!.AsArray();
        Assert.Equal(["system", "human", "gpt"], turn.Select(t => (string)t!["from"]!));
        Assert.Equal([HandMadeTrajectory.System, HandMadeTrajectory.TurnPrompt, HandMadeTrajectory.TurnReply], turn.Select(t => (string)t!["value"]!));
        var narration = chatml[3]["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant"], narration.Select(m => (string)m!["role"]!));
        Assert.Equal("""{"narration":"The lantern throws long shadows."}""", (string)narration[2]!["content"]!);
        Assert.Single(InstructionRecords.ShareGpt(_file, CallSelection.Of(Role.Narrator)), r => (string)r["id"]! == "hand-made#18");
    }

    [Fact]
    public void Dpo_pairs_come_from_a_refused_reply_and_from_a_retried_turn()
    {
        var pairs = PreferencePairs.From(_file).Select(p => PreferencePairs.ToJson(_file, p)).ToList();

        Assert.Equal(2, pairs.Count);
        var reask = pairs[0];
        Assert.Equal("reask", (string)reask["source"]!);
        Assert.Equal("hand-made#4-4", (string)reask["id"]!);
        Assert.Equal([HandMadeTrajectory.System, HandMadeTrajectory.TurnPrompt], reask["prompt"]!.AsArray().Select(m => (string)m!["content"]!));
        Assert.Equal(HandMadeTrajectory.TurnReply, (string)reask["chosen"]![0]!["content"]!);
        Assert.Equal(HandMadeTrajectory.Refused, (string)reask["rejected"]![0]!["content"]!);
        var retry = pairs[1];
        Assert.Equal("retry", (string)retry["source"]!);
        Assert.Equal("hand-made#16-12", (string)retry["id"]!);
        Assert.Equal(HandMadeTrajectory.ReactionPrompt, (string)retry["prompt"]![1]!["content"]!);
        Assert.Equal(HandMadeTrajectory.Laugh, (string)retry["chosen"]![0]!["content"]!);
        Assert.Equal(HandMadeTrajectory.Scowl, (string)retry["rejected"]![0]!["content"]!);
        Assert.Equal("assistant", (string)retry["chosen"]![0]!["role"]!);
    }

    [Fact]
    public void CharacterBox_character_records_carry_what_their_judge_reads()
    {
        var run = Assert.Single(CharacterBoxRecords.From(_file, _recordings.World));

        var character = run.Character;
        Assert.Equal("The Harbour", (string)character["title"]!);
        Assert.Equal("arrival", (string)character["scene_id"]!);
        Assert.Equal("the Quay", (string)character["scene"]!["location"]!);
        Assert.Equal(["mara", "tomas", "ines"], character["characters"]!.AsArray().Select(c => (string)c!["id"]!));
        var tomas = character["record"]!["tomas"]!.AsArray();
        Assert.Equal(["action", "dialogue", "reaction"], tomas.Select(e => (string)e!["type"]!));
        Assert.Equal(["Tomas Reyes lifts the lantern.", "Light, at last.", "Tomas Reyes laughs."], tomas.Select(e => (string)e!["detail"]!["text"]!));
        Assert.All(tomas, e => Assert.Equal(1, (int)e!["round"]!));
        Assert.All(tomas, e => Assert.Equal("Tomas Reyes", (string)e!["character_name"]!));
        var action = tomas[0]!["detail"]!;
        Assert.Equal("Arrival", (string)action["observation"]!);
        Assert.Equal("Night falls. light lift the lantern", (string)action["self_belief"]!);
        Assert.Equal("Dusk on the quay.", (string)action["description"]!);
        Assert.Equal("the Quay", (string)action["location"]!);
        Assert.Equal(TomasTurn, (string)action["prompt"]!["template"]!);
        Assert.Empty(action["prompt"]!["input_variables"]!.AsArray());
        var reaction = tomas[2]!["detail"]!;
        Assert.Equal("The lantern throws long shadows.\nMara says: \u201cGo away.\u201d", (string)reaction["observation"]!);
        Assert.Equal("Mara says: \u201cGo away.\u201d\nThe lantern throws long shadows.\nArrival", (string)reaction["most_recent_memories"]!);
        Assert.Equal(16, (long)reaction["step"]!);
        var mara = Assert.Single(character["record"]!["mara"]!.AsArray());
        Assert.Equal(("dialogue", "Go away.", "human"), ((string)mara!["type"]!, (string)mara["detail"]!["text"]!, (string)mara["detail"]!["model"]!));
    }

    [Fact]
    public void CharacterBox_narrator_round_plot_and_all_records_follow_the_kept_story()
    {
        var run = Assert.Single(CharacterBoxRecords.From(_file, _recordings.World));

        var narrator = run.Narrator["record"]!.AsArray();
        Assert.Equal(["Action Influence", "Analyze Result"], narrator.Select(n => (string)n!["type"]!));
        Assert.Equal(["Mara: sees the light", "The lantern throws long shadows."], narrator.Select(n => (string)n!["detail"]!["text"]!));
        Assert.All(narrator, n => Assert.Equal(-1, (int)n!["character_id"]!));
        var round = Assert.Single(run.Round["record"]!.AsArray())!.AsArray();
        Assert.Equal(["action", "dialogue", "Analyze Result", "dialogue", "reaction"], round.Select(e => (string)e!["type"]!));
        var plot = run.Plot["record"]!;
        Assert.Equal("Tomas lit the lantern and laughed Mara off.", (string)plot["generated_plot"]![0]!["plot"]!);
        Assert.Equal(1, (int)plot["generated_plot"]![0]!["round"]!);
        var all = run.All;
        Assert.Equal(6.0, (double)all["duration"]!);
        Assert.Equal(0.0, (double)all["total_cost"]!);
        var calls = all["record"]!.AsArray();
        Assert.Equal(["Tomas Reyes", "Tomas Reyes", "Narrator", "Narrator", "Tomas Reyes", "Narrator"], calls.Select(c => (string)c!["character"]!));
        Assert.Equal(HandMadeTrajectory.Laugh, (string)calls[4]!["response"]!);
        Assert.Equal(0.7, (double)calls[4]!["duration"]!);
        Assert.All(CharacterBoxRun.Kinds, kind => Assert.Equal("arrival", (string)run[kind]["scene_id"]!));
    }

    [Fact]
    public void Braces_in_a_prompt_are_escaped_for_their_template_formatter()
    {
        var path = Path.Combine(_recordings.Folder, "braces.jsonl");
        File.WriteAllLines(path, File.ReadAllLines(_file.Path).Select(l => l.Replace(HandMadeTrajectory.TurnPrompt, "Reply as {\\\"action\\\": ...}", StringComparison.Ordinal)));

        var run = Assert.Single(CharacterBoxRecords.From(TrajectoryFile.Read(path), _recordings.World));

        var template = (string)run.Character["record"]!["tomas"]![0]!["detail"]!["prompt"]!["template"]!;
        Assert.EndsWith("Reply as {{\"action\": ...}}", template, StringComparison.Ordinal);
    }
}

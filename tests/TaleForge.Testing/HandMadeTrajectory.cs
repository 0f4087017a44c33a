using System.Text.Json.Nodes;
using TaleForge.Content.Opening;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Testing;

/// <summary>
/// A short trajectory written by hand, so every exported value is known: in the harbour, Tomas revises his
/// beliefs, takes his turn (after one refused reply), the narrator weighs it; Mara (the player) tells him to go
/// away, Tomas reacts with a scowl; she retries the same turn and this time he laughs; the round is summed up.
/// </summary>
public static class HandMadeTrajectory
{
    public const string System = "You are Tomas Reyes.";
    public const string TurnPrompt = "It is your turn.";
    public const string ReactionPrompt = "Mara tells you to go away. React.";
    public const string TurnReply = """{"action":"lifts the lantern","dialogue":"Light, at last.","command":"none","target":"","emotion":"glad"}""";
    public const string Refused = """{"action": "lifts""";
    public const string Scowl = """{"action":"scowls","dialogue":"","emotion":"sour"}""";
    public const string Laugh = """{"action":"laughs","dialogue":"","emotion":"amused"}""";

    public static string Write(Recordings recordings)
    {
        var path = Path.Combine(recordings.Folder, "hand-made.jsonl");
        var header = new TrajectoryHeader
        {
            Taleforge = "test",
            Created = DateTimeOffset.UnixEpoch,
            World = new WorldReference("harbour", "The Harbour", recordings.WorldSource, WorldHash.Of(recordings.World)),
            Seed = 1,
            Player = "mara",
            Mode = "model",
            Models = [new ModelReference { Role = Role.Characters, File = "tiny.gguf" }, new ModelReference { Role = Role.Narrator, File = "tiny.gguf" }],
        };
        TrajectoryRecord[] records =
        [
            Event(0, null, 0, NarratorPhase.SceneSetup, null, ["mara", "tomas", "ines"], new WorldEvent.SceneStarted("arrival"), "Arrival"),
            Event(1, 0, 1, NarratorPhase.RoundStart, null, [], new WorldEvent.RoundStarted(1), null),
            Call(2, 1, NarratorPhase.RoundStart, "character:tomas", "beliefs", """{"belief":"Night falls.","desire":"light","intention":"lift the lantern","others":[]}""", TurnPrompt, ms: 1500),
            Event(3, 1, 1, NarratorPhase.RoundStart, "tomas", ["tomas"], new WorldEvent.BeliefsRevised("tomas", new Beliefs { Belief = "Night falls.", Desire = "light", Intention = "lift the lantern" }), null),
            Call(4, 3, NarratorPhase.ActorTurn, "character:tomas", "character_turn", TurnReply, TurnPrompt, ms: 2500) with { Attempts = [(Refused, "NotJson: it is not valid JSON")] },
            Event(5, 3, 1, NarratorPhase.ActorTurn, "tomas", ["mara", "tomas"], new WorldEvent.Acted("tomas", "lifts the lantern"), "Tomas Reyes lifts the lantern."),
            Event(6, 5, 1, NarratorPhase.ActorTurn, "tomas", ["mara", "tomas", "ines"], new WorldEvent.Said("tomas", "Light, at last."), "Tomas Reyes says: \u201cLight, at last.\u201d"),
            Call(7, 6, NarratorPhase.Influence, "narrator", "influence", """{"affected":[{"character":"mara","impact":"sees the light"}]}""", "Who is affected?", ms: 500),
            Call(8, 6, NarratorPhase.Result, "narrator", "result", """{"narration":"The lantern throws long shadows."}""", "What came of it?", ms: 500),
            Event(9, 6, 1, NarratorPhase.Result, null, ["mara", "tomas"], new WorldEvent.Narrated("The lantern throws long shadows.", NarrationKind.Result), "The lantern throws long shadows."),
            new CheckpointRecord(9, 9, 0) { Narrator = new NarratorState { Phase = NarratorPhase.ActorTurn, Queue = ["mara"] }, NextStep = 10 },
            // The first try at Mara's turn, later undone.
            Decision(10, 9, """{"action":"","dialogue":"Go away."}"""),
            Event(11, 9, 1, NarratorPhase.ActorTurn, "mara", ["mara", "tomas"], new WorldEvent.Said("mara", "Go away."), "Mara says: \u201cGo away.\u201d"),
            Call(12, 11, NarratorPhase.Reaction, "character:tomas", "reaction", Scowl, ReactionPrompt, ms: 800),
            Event(13, 11, 1, NarratorPhase.Reaction, "tomas", ["mara", "tomas"], new WorldEvent.Acted("tomas", "scowls"), "Tomas Reyes scowls."),
            // The retry, kept.
            Decision(14, 9, """{"action":"","dialogue":"Go away."}"""),
            Event(15, 9, 1, NarratorPhase.ActorTurn, "mara", ["mara", "tomas"], new WorldEvent.Said("mara", "Go away."), "Mara says: \u201cGo away.\u201d"),
            Call(16, 15, NarratorPhase.Reaction, "character:tomas", "reaction", Laugh, ReactionPrompt, ms: 700),
            Event(17, 15, 1, NarratorPhase.Reaction, "tomas", ["mara", "tomas"], new WorldEvent.Acted("tomas", "laughs"), "Tomas Reyes laughs."),
            Call(18, 17, NarratorPhase.RoundEnd, "narrator", "summary", """{"summary":"Tomas lit the lantern and laughed Mara off."}""", "Summarise.", ms: 300),
            Event(19, 17, 1, NarratorPhase.RoundEnd, null, [], new WorldEvent.Narrated("Tomas lit the lantern and laughed Mara off.", NarrationKind.Summary), "Tomas lit the lantern and laughed Mara off."),
        ];
        File.WriteAllLines(path, [TrajectoryLines.Of(header), .. records.Select(TrajectoryLines.Of)]);
        return path;
    }

    private static EventRecord Event(long step, long? parent, int round, NarratorPhase phase, string? actor, string[] observers, WorldEvent e, string? text) =>
        new(step, parent, 0)
        {
            Scene = "arrival",
            Round = round,
            Phase = phase,
            Time = "day 1, 18:00",
            Actor = actor,
            Observers = [.. observers],
            Event = e,
            Text = text,
        };

    private static CallRecord Call(long step, long parent, NarratorPhase phase, string role, string schema, string raw, string user, double ms) =>
        new(step, parent, 0)
        {
            Scene = "arrival",
            Round = 1,
            Phase = phase,
            Role = Role.Parse(role),
            Seed = 1000 + step,
            Model = "tiny.gguf",
            Schema = schema,
            Prompt = [("system", role == "narrator" ? "You narrate." : System), ("user", user)],
            Raw = raw,
            Parsed = JsonNode.Parse(raw),
            PromptTokens = 100,
            CompletionTokens = 20,
            Milliseconds = ms,
        };

    private static CallRecord Decision(long step, long parent, string turn) =>
        new(step, parent, 0)
        {
            Scene = "arrival",
            Round = 1,
            Phase = NarratorPhase.ActorTurn,
            Role = Role.Player("mara"),
            Seed = 0,
            Model = "human",
            Schema = PlayerDecisions.TurnSchema,
            Raw = turn,
            Parsed = JsonNode.Parse(turn),
        };
}

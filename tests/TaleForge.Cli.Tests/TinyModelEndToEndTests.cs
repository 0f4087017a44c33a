using TaleForge.Core.Events;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// The game through the real llama.cpp backend, with a tiny random-weight model written at test time: what it
/// says is noise, but every reply must parse, every decision must go through the rules, and the story must run.
/// </summary>
[Slow]
[NeedsNativeLibrary]
public sealed class TinyModelEndToEndTests : IClassFixture<TinyModelEndToEndTests.TinyModel>
{
    private readonly TinyModel _model;

    public TinyModelEndToEndTests(TinyModel model) => _model = model;

    public sealed class TinyModel : IDisposable
    {
        internal TemporaryFolder Folder { get; } = new();
        public string Path { get; }

        public TinyModel()
        {
            Path = TinyModels.Write(System.IO.Path.Combine(Folder.Path, "tiny.gguf"));
        }

        public void Dispose() => Folder.Dispose();
    }

    public static TheoryData<string, string?> Sources => new()
    {
        { "greywick", "evening-tide" },
        { "tea-house-rain", "rain-guest" },
        { "characterbox", null },
    };

    [Fact]
    public async Task A_context_too_small_for_the_prompts_is_told_in_play_with_what_to_do()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("moves.txt", "wait\n");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--model", _model.Path, "-c", "256", "--script", script, "--no-save");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("does not fit its context", run.Output, StringComparison.Ordinal);
        Assert.Contains("play with a larger --ctx-size", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Two_rounds_with_the_tiny_model_parse_every_reply_and_apply_every_decision(string source, string? scene)
    {
        using var output = new TemporaryFolder();
        string[] args = source == "characterbox"
            ? ["simulate", Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "salt-and-lanterns.json"), "--scene", "1"]
            : ["simulate", source, "--dir", Repository.Worlds, "--scene", scene!];

        var run = await Cli.RunAsync([.. args, "--rounds", "2", "--model", _model.Path, "-c", "8192", "--seed", "5", "--director", "--out", output.Path]);

        Assert.True(run.ExitCode == 0, run.Error);
        var file = TrajectoryFile.Read(Directory.GetFiles(output.Path, "*.jsonl", SearchOption.AllDirectories).Single());
        Assert.Equal("model", file.Header.Mode);
        Assert.Equal(2, file.Events.Count(e => e.Event is WorldEvent.RoundStarted));
        Assert.NotEmpty(file.Calls);
        Assert.All(file.Calls, call => Assert.True(call.Failure is null, $"{call.Role} {call.Schema} at step {call.Step}: {call.Failure}"));
        Assert.All(file.Calls, call => Assert.NotNull(call.Parsed));
        string[] phases = ["beliefs", "character_turn", "influence", "summary", "environment", "direction"];
        Assert.All(phases, schema => Assert.Contains(file.Calls, c => c.Schema == schema));
        Assert.Contains(file.Events, e => e.Event is WorldEvent.BeliefsRevised);
        Assert.All(file.Events, e => Assert.DoesNotContain('\uFFFD', e.Text ?? ""));
    }

    [Fact]
    public async Task Playing_with_the_tiny_model_runs_the_players_turns_through_the_model_world()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("moves.txt", "look\nsay Maud, I need the key to the oil store.\nwait\n/quit\n");

        var run = await Cli.RunAsync("play", "--dir", Repository.Worlds, "--model", _model.Path, "-c", "8192", "--script", script, "--no-save");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("authored mode", run.Output, StringComparison.Ordinal);
        Assert.Contains("Models: the characters on tiny.gguf (", run.Output, StringComparison.Ordinal);
        Assert.Contains("; the narrator on tiny.gguf (", run.Output, StringComparison.Ordinal);
        Assert.Contains("> wait\nYou wait.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Loaded tiny.gguf", run.Error, StringComparison.Ordinal);
    }
}

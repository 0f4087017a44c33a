using TaleForge.Core.Events;
using TaleForge.Engine.Trajectories;
using TaleForge.Server;

namespace TaleForge.Cli.Tests;

/// <summary>
/// The game with every role on an OpenAI-compatible endpoint: <c>taleforge serve</c> runs the tiny model on a free
/// loopback port and the simulation reaches it over HTTP, so every typed call of a scene goes through the remote
/// backend: each must parse and apply, and the header must say where the model was and that re-runs may differ.
/// </summary>
[Slow]
[NeedsNativeLibrary]
public sealed class RemoteEngineEndToEndTests : IClassFixture<RemoteEngineEndToEndTests.Served>
{
    private readonly Served _served;

    public RemoteEngineEndToEndTests(Served served) => _served = served;

    public sealed class Served : IAsyncLifetime
    {
        internal TemporaryFolder Folder { get; } = new();
        public ChatServer Server { get; private set; } = null!;
        public string ModelPath { get; private set; } = "";

        public async Task InitializeAsync()
        {
            ModelPath = TinyModels.Write(Path.Combine(Folder.Path, "tiny.gguf"));
            Server = await ChatServer.StartAsync(new ServerOptions { ModelPath = ModelPath, Port = 0, ContextSize = 16384, Parallel = 4 });
            await Server.Loaded;
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Folder.Dispose();
        }
    }

    public static TheoryData<string, string?> Sources => new()
    {
        { "greywick", "evening-tide" },
        { "tea-house-rain", "rain-guest" },
        { "characterbox", null },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Two_rounds_with_every_role_remote_parse_every_reply_and_apply_every_decision(string source, string? scene)
    {
        using var output = new TemporaryFolder();
        string[] args = source == "characterbox"
            ? ["simulate", Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "salt-and-lanterns.json"), "--scene", "1"]
            : ["simulate", source, "--dir", Repository.Worlds, "--scene", scene!];

        var run = await Cli.RunAsync([.. args, "--rounds", "2", "--endpoint", _served.Server.Address.AbsoluteUri, "--api-model", "tiny",
            "--api-ctx-size", "4096", "--seed", "5", "--director", "--out", output.Path]);

        Assert.True(run.ExitCode == 0, run.Error);
        var file = TrajectoryFile.Read(Directory.GetFiles(output.Path, "*.jsonl", SearchOption.AllDirectories).Single());
        Assert.False(file.Header.Deterministic);
        Assert.All(file.Header.Models, m => Assert.Equal(_served.Server.Address.AbsoluteUri, m.Endpoint));
        Assert.All(file.Header.Models, m => Assert.Equal("tiny.gguf", m.File));
        Assert.Equal(2, file.Events.Count(e => e.Event is WorldEvent.RoundStarted));
        Assert.All(file.Calls, call => Assert.True(call.Failure is null, $"{call.Role} {call.Schema} at step {call.Step}: {call.Failure}"));
        Assert.All(file.Calls, call => Assert.NotNull(call.Parsed));
        string[] phases = ["beliefs", "character_turn", "influence", "summary", "environment", "direction"];
        Assert.All(phases, schema => Assert.Contains(file.Calls, c => c.Schema == schema));
        Assert.Contains(file.Events, e => e.Event is WorldEvent.BeliefsRevised);
    }

    [Fact]
    public async Task A_remote_narrator_plays_beside_local_characters_and_the_header_names_each()
    {
        using var output = new TemporaryFolder();

        var run = await Cli.RunAsync("simulate", "greywick", "--dir", Repository.Worlds, "--scene", "evening-tide", "--rounds", "1",
            "--model", _served.ModelPath, "-c", "8192", "--narrator-endpoint", $"{_served.Server.Address.AbsoluteUri},tiny", "--seed", "3", "--out", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var header = TrajectoryFile.Read(Directory.GetFiles(output.Path, "*.jsonl", SearchOption.AllDirectories).Single()).Header;
        Assert.Null(header.Models.Single(m => m.Role == TaleForge.Engine.Agents.Role.Characters).Endpoint);
        Assert.Equal(_served.Server.Address.AbsoluteUri, header.Models.Single(m => m.Role == TaleForge.Engine.Agents.Role.Narrator).Endpoint);
    }

    [Fact]
    public async Task An_endpoint_without_a_model_name_is_refused_with_what_to_add()
    {
        using var folder = new TemporaryFolder();
        var run = await Cli.RunAsync("simulate", "greywick", "--dir", Repository.Worlds, "--rounds", "1", "--out", folder.Path, "--endpoint", _served.Server.Address.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs --api-model NAME", run.Error, StringComparison.Ordinal);
    }
}

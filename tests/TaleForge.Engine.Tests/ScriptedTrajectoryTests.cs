using System.Security.Cryptography;
using System.Text;
using TaleForge.Content.Opening;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests;

/// <summary>
/// The trajectory a scripted game writes, byte for byte after its header (the header is the episode spec's, tested
/// by its own round trip): the digests were taken from the build before the writer
/// stopped keeping a state of its own, so the record (texts and observations included) is what it was. Greywick's
/// was taken again when reactions began to go through the turn's rules: its two reactions that hand something over
/// now give before they speak, as a turn does; every other line is as it was. Both were taken again when speech
/// heard from a neighbouring place began to say where it comes from ("From The Lamp Room, Abel Fenn says: …",
/// "从茶寮正堂传来韩掌柜的声音：…"): those texts are the only lines that changed. The tea house's was taken again when
/// its heavier rain came to be heard everywhere (<c>heard: everywhere</c>), so a player in another room now observes it.
/// </summary>
public sealed class ScriptedTrajectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-scripted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Digests => new()
    {
        { "greywick", "b5c556c2b40594b5a0ed7a84842fcc4bc183c9adc45e87eb24035ca16ec76159" },
        { "tea-house-rain", "dd6f27dc7f398e4ad6496638d45ac092ab1cbec2c79b9bd794165d550fffb448" },
    };

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task A_scripted_game_with_undo_and_redo_writes_the_same_trajectory_as_before(string name, string digest)
    {
        var (path, _) = await PlayAsync(name);

        var text = await File.ReadAllTextAsync(path);
        var body = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        Assert.StartsWith("{\"record\":\"header\"", text, StringComparison.Ordinal);
        Assert.Equal(digest, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task Every_checkpoint_in_the_save_holds_the_state_the_session_had_there(string name, string digest)
    {
        _ = digest;
        var (path, session) = await PlayAsync(name);

        var file = TrajectoryFile.Read(path);
        var world = SampleWorlds.Load(name);
        var last = file.Checkpoints.Last();
        var folded = Core.State.WorldState.Initial(world).Apply(file.PathTo(last.Step).Select(e => e.Event));
        Assert.Equal(StateDigest.Of(session.State), StateDigest.Of(folded));
        Assert.Equal(session.Narrator, last.Narrator);
    }

    /// <summary>The walkthrough, with an undo and a redo after the second command and an undo before the last.</summary>
    private async Task<(string Path, GameSession Session)> PlayAsync(string name)
    {
        var world = SampleWorlds.Load(name);
        var player = world.Characters.First(c => c.Player).Id;
        var path = Path.Combine(_folder, name + ".jsonl");
        var header = new TrajectoryHeader
        {
            Taleforge = "test",
            Created = DateTimeOffset.UnixEpoch,
            World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
            Seed = 11,
            Player = player,
            Mode = "authored",
        };
        using var writer = TrajectoryWriter.Create(path, header);
        var session = new GameSession(world, Cast.Authored(world, player), new SessionOptions { Seed = 11, Trajectory = writer });
        var parser = new PlayerInputParser(Phrasebook.For(world.Info.Language));
        await session.RunAsync();
        var commands = Walkthrough.Commands(name);
        for (var i = 0; i < commands.Count && !session.IsFinished; i++)
        {
            if (i == commands.Count - 1)
            {
                session.Undo();
            }
            switch (parser.Parse(commands[i]))
            {
                case PlayerInput.Turn turn:
                    await session.SubmitAsync(turn.Decision);
                    break;
                case PlayerInput.Ask ask:
                    session.Ask(player, ask.Query);
                    break;
            }
            if (i == 1)
            {
                Assert.True(session.Undo());
                Assert.True(session.Redo());
            }
        }
        return (path, session);
    }
}

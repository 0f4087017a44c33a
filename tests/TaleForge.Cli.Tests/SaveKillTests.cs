using System.Diagnostics;
using TaleForge.Content;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Tests;

/// <summary>A game killed at any moment keeps its last completed save, which resumes and plays on.</summary>
public class SaveKillTests
{
    [Fact]
    public async Task Killing_the_game_mid_play_never_loses_the_previous_save()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("long.txt", string.Join("\n", Enumerable.Repeat("wait", 60).Prepend("say Maud, I need the key to the oil store.")) + "\n");
        var executable = Path.Combine(AppContext.BaseDirectory, "taleforge.dll");
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "greywick"));
        var random = new Random(7);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var name = $"killed-{attempt}";
            var slot = Path.Combine(folder.Path, "saves", name);
            using var child = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { executable, "play", "greywick", "--dir", Repository.Worlds, "--script", script, "--save", name, "--saves", Path.Combine(folder.Path, "saves") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            child.StandardOutput.BaseStream.CopyToAsync(Stream.Null).GetAwaiter();
            child.StandardError.BaseStream.CopyToAsync(Stream.Null).GetAwaiter();

            // Wait for the first save, then kill at a random moment while play (and saving) goes on.
            var clock = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(slot, SaveSlot.SnapshotFileName)) && clock.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
            {
                await Task.Delay(5);
            }
            await Task.Delay(random.Next(0, 400));
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();

            var saved = SavedGame.Open(slot);
            saved.CheckAgainst(world);
            var session = GameSession.Resume(world, Cast.Authored(world, "ines"), saved.Trajectory, saved.Head);
            Assert.True(session.AwaitingPlayer || session.IsFinished, $"attempt {attempt}: the save resumes at a turn or at the end");
            if (session.AwaitingPlayer)
            {
                await session.SubmitAsync(new CharacterTurn { Action = "waits" });
            }
        }
    }
}

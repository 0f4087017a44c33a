using System.Diagnostics;
using TaleForge.Content;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Tests;

/// <summary>A game killed at any moment keeps its last completed save, which resumes and plays on.</summary>
[Slow]
[StartsProcesses]
public class SaveKillTests
{
    [Fact]
    public async Task Killing_the_game_mid_play_never_loses_the_previous_save()
    {
        using var folder = new TemporaryFolder();
        const string Line = "Maud, I need the key to the oil store.";
        var script = folder.Write("long.txt", string.Join("\n", Enumerable.Repeat("wait", 60).Prepend("say " + Line)) + "\n");
        var executable = Path.Combine(AppContext.BaseDirectory, "taleforge.dll");
        var opened = Content.Opening.WorldSource.At(Path.Combine(Repository.Worlds, "greywick")).Open();
        var world = opened.Definition;
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
            saved.CheckAgainst(opened);
            var session = GameSession.Resume(world, Cast.Authored(world, "ines"), saved.Trajectory, saved.Head);

            // It resumes at the last completed step, the one its snapshot names, in exactly the state saved there.
            Assert.NotNull(saved.Snapshot);
            Assert.Equal(saved.Snapshot.Head, saved.Head);
            Assert.Equal(saved.Head, session.Log[^1].Step);
            Assert.Equal(saved.Snapshot.StateDigest, StateDigest.Of(session.State));
            Assert.Equal((saved.Snapshot.Scene, saved.Snapshot.Round), (session.State.Scene?.Id ?? "", session.State.Scene?.Round ?? 0));
            Assert.Equal(saved.Snapshot.Finished, session.IsFinished);

            // Its player turns are the script's, in order: the line first, then waiting.
            var turns = session.Log
                .Where(e => e.Actor == "ines" && e.Phase == NarratorPhase.ActorTurn && e.Event is WorldEvent.Said or WorldEvent.Acted)
                .Select(e => e.Event)
                .ToList();
            Assert.Equal(
                turns.Select((_, i) => i == 0 ? (WorldEvent)new WorldEvent.Said("ines", Line) : new WorldEvent.Acted("ines", "waits")),
                turns);
            if (session.IsFinished)
            {
                Assert.IsType<WorldEvent.StoryEnded>(session.Log[^1].Event);
                continue;
            }

            // Saved at a player's turn: one turn was played between each checkpoint and the next.
            Assert.True(session.AwaitingPlayer, $"attempt {attempt}: an unfinished save resumes at the player's turn");
            Assert.Equal(saved.Trajectory.Checkpoints.Count(c => c.Step <= saved.Head) - 1, turns.Count);

            // And it plays on from there: the next turn is applied after the resumed step.
            var before = session.Log.Count;
            await session.SubmitAsync(new CharacterTurn { Action = "waits" });
            var next = session.Log.Skip(before).ToList();
            Assert.All(next, e => Assert.True(e.Step > saved.Head));
            Assert.Contains(next, e => e.Event is WorldEvent.Acted { Character: "ines", Action: "waits" });
        }
    }
}

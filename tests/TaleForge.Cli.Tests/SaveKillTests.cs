using System.Diagnostics;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using Xunit.Abstractions;

namespace TaleForge.Cli.Tests;

/// <summary>
/// A game killed with SIGKILL at random instants, from before its first turn to deep in play: every kill leaves
/// no save or one that resumes at its last completed turn, and nothing temporary once the next game starts.
/// </summary>
[Slow]
[StartsProcesses]
public class SaveKillTests(ITestOutputHelper log)
{
    /// <summary>At least 50 kills in CI; TALEFORGE_KILL_ROUNDS asks for more.</summary>
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("TALEFORGE_KILL_ROUNDS"), out var n) && n >= 50 ? n : 50;

    [Fact]
    public async Task Killing_the_game_at_any_instant_never_loses_a_completed_turn()
    {
        using var folder = new TemporaryFolder();
        const string Line = "Maud, I need the key to the oil store.";
        var script = folder.Write("long.txt", string.Join("\n", Enumerable.Repeat("wait", 400).Prepend("say " + Line)) + "\n");
        var saves = Path.Combine(folder.Path, "saves");
        var opened = Content.Opening.WorldSource.At(Path.Combine(Repository.Worlds, "greywick")).Open();
        var world = opened.Definition;
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var (none, resumed, finished) = (0, 0, 0);

        for (var round = 0; round < Rounds; round++)
        {
            var name = $"killed-{round}";
            var slot = Path.Combine(saves, name);
            using (var game = ChildGame.Start("play", "greywick", "--dir", Repository.Worlds, "--script", script, "--save", name, "--saves", saves))
            {
                // One kill in four at a random instant of start-up (before any turn is saved); the rest at a random
                // instant after the save appears, while turns are played and saved as fast as the script goes.
                if (round % 4 == 0)
                {
                    await Task.Delay(random.Next(0, 1500));
                }
                else
                {
                    var started = Stopwatch.StartNew();
                    while (!Directory.Exists(slot) && !game.Process.HasExited && started.Elapsed < TimeSpan.FromSeconds(60))
                    {
                        await Task.Delay(2);
                    }
                    await Task.Delay(random.Next(0, 400));
                }
                game.Process.Kill(entireProcessTree: true);
                await game.Process.WaitForExitAsync();
            }

            // The next game tidies what this one left; then the save is there whole, or not at all.
            new SaveLibrary(saves).Prepare();
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(saves), e => Path.GetFileName(e).StartsWith('.'));
            if (!Directory.Exists(slot))
            {
                none++;
                continue;
            }
            var saved = SavedGame.Open(slot);
            Assert.Equal(saved.Trajectory.Checkpoints.Last().Step, saved.Head);
            using (var writing = SaveSlot.Continue(slot, saved.Header))
            {
                Assert.Equal([SaveSlot.SnapshotFileName, SaveSlot.TrajectoryFileName], Directory.EnumerateFiles(slot).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            }
            var session = saved.Resume(opened, Cast.Authored(world, "ines"), new SessionOptions());
            Assert.Equal(saved.Head, session.Log[^1].Step);

            // Its player turns are the script's, in order: the line first, then waiting.
            var turns = session.Log
                .Where(e => e.Actor == "ines" && e.Phase == NarratorPhase.ActorTurn && e.Event is WorldEvent.Said or WorldEvent.Acted)
                .Select(e => e.Event)
                .ToList();
            Assert.Equal(turns.Select((_, i) => i == 0 ? (WorldEvent)new WorldEvent.Said("ines", Line) : new WorldEvent.Acted("ines", "waits")), turns);
            if (session.IsFinished)
            {
                finished++;
                continue;
            }

            // Saved at a player's turn, one turn per checkpoint, and it plays on from there.
            Assert.True(session.AwaitingPlayer, $"round {round}: an unfinished save resumes at the player's turn");
            Assert.Equal(saved.Trajectory.Checkpoints.Count() - 1, turns.Count);
            var before = session.Log.Count;
            await session.SubmitAsync(new CharacterTurn { Action = "waits" });
            Assert.All(session.Log.Skip(before), e => Assert.True(e.Step > saved.Head));
            resumed++;
        }

        log.WriteLine($"{Rounds} kills in {clock.Elapsed.TotalSeconds:0} s: {none} before the first turn (no save), {resumed} resumed and played on, {finished} after the story ended.");
        Assert.Equal(Rounds, none + resumed + finished);
        Assert.True(resumed > 0, $"no kill landed in play ({none} before the first turn, {finished} after the end)");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(15), $"{Rounds} kills took {clock.Elapsed}");
    }
}

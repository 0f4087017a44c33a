using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests.Play;

/// <summary>Stopping a generation returns to the player's turn with nothing of it kept; closing the game leaves it as it was.</summary>
public class StoppedGenerationTests
{
    /// <summary>A gate the test closes: what Ctrl-C does in line mode.</summary>
    private sealed class Gate : IGenerationGate
    {
        private CancellationTokenSource? _current;

        public bool Quitting { get; set; }

        public CancellationToken Begin()
        {
            _current = new CancellationTokenSource();
            return _current.Token;
        }

        public void End() => _current = null;

        public void Stop() => _current!.Cancel();
    }

    /// <summary>Mara is played; Tomas, acting after her, is stopped in the middle of deciding.</summary>
    private static (PlayController Controller, Gate Gate, List<string> Messages) Play()
    {
        var world = TestWorld.Harbour();
        var gate = new Gate();
        var tomas = new ScriptedCharacter(turn: _ =>
        {
            gate.Stop();
            throw new OperationCanceledException();
        });
        var cast = new Cast
        {
            Player = "mara",
            Characters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
            {
                KeyValuePair.Create("tomas", (ICharacterAgent)tomas),
                KeyValuePair.Create("ines", (ICharacterAgent)new ScriptedCharacter()),
            }),
            Narrator = new ScriptedNarrator(),
        };
        var controller = new PlayController(new GameSession(world, cast), new PlaySetup { Gate = gate });
        var messages = new List<string>();
        controller.Message += (_, m) => messages.Add(m.Text);
        return (controller, gate, messages);
    }

    [Fact]
    public async Task A_stopped_generation_returns_to_the_players_turn_with_nothing_of_it_kept()
    {
        var (controller, _, messages) = Play();
        using var playing = controller;
        await controller.StartAsync();
        var before = StateDigest.Of(controller.Session.State);
        var narrator = controller.Session.Narrator;

        Assert.True(await controller.HandleAsync("take lantern"));

        Assert.Equal("Stopped. Back at your turn; nothing of the interrupted turn was kept.", messages[^1]);
        Assert.Equal(before, StateDigest.Of(controller.Session.State));
        Assert.Equal(narrator, controller.Session.Narrator);
        Assert.True(controller.WaitsForPlayer);
    }

    [Fact]
    public async Task A_game_that_is_closing_is_not_rewound()
    {
        var (controller, gate, messages) = Play();
        using var playing = controller;
        await controller.StartAsync();
        gate.Quitting = true;

        await Assert.ThrowsAsync<OperationCanceledException>(() => controller.HandleAsync("take lantern"));

        Assert.DoesNotContain(messages, m => m.StartsWith("Stopped", StringComparison.Ordinal));
        Assert.False(controller.WaitsForPlayer);
        Assert.Contains(controller.Session.Log, e => e.Event is Core.Events.WorldEvent.Took);
    }
}

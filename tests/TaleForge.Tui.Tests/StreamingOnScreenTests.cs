using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Session;
using TaleForge.Inference.Streaming;
using TaleForge.Tui.Story;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>A character's words appear in the story pane while the model is still writing them, then as the finished line.</summary>
public sealed class StreamingOnScreenTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static Func<WorldDefinition, string, Cast> PlayedBy(IChatClient model) => (world, player) =>
    {
        var role = new ModelRole { Client = model, Model = "held-model", ContextTokens = 8192 };
        return Cast.Authored(world, player) with
        {
            Characters = world.Characters.Where(c => c.Id != player)
                .ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
        };
    };

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task A_line_being_generated_shows_on_screen_before_the_turn_ends_and_the_finished_line_replaces_it(int width, int height)
    {
        using var model = new HeldReplyModel();
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height, cast: PlayedBy(model));
        model.Armed = true;

        game.Keys("wait");
        game.Tap(Key.Enter);
        await model.Holding.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(game.Play.Busy);
        var growing = Assert.IsType<StoryLine>(game.Play.Log.Provisional);
        Assert.Equal(StoryTone.Speech, growing.Tone);
        var screen = game.Text();
        Assert.Contains(": “The tide is turn…", screen);
        Assert.DoesNotContain("early tonight", screen);
        Assert.DoesNotContain(game.Play.Log.Snapshot(), l => l.Text.Contains("The tide is turn", StringComparison.Ordinal));

        model.Release();
        await game.Settled();

        Assert.Null(game.Play.Log.Provisional);
        screen = game.Text();
        Assert.Contains("early tonight, mark me.", screen);
        Assert.DoesNotContain("The tide is turn…", screen);
        Assert.Contains(game.Play.Log.Snapshot(), l => l.Tone == StoryTone.Speech && l.Text.Contains(HeldReplyModel.Line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_opening_is_still_being_told_the_side_panel_already_shows_where_the_player_stands()
    {
        var testContext = SynchronizationContext.Current;
        using var model = new FirstCallHeld();
        using var game = GameOnScreen.Open("greywick", _folder.Path, 120, 40, cast: PlayedBy(model));
        // Initialising the application made its main loop this thread's context, and no loop runs here: the test's
        // own awaits go back to the test runner's.
        SynchronizationContext.SetSynchronizationContext(testContext);
        var before = game.Play.Controller.View()!;

        var opening = game.Play.StartAsync();
        try
        {
            await model.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(game.Play.Busy);
            var panel = string.Concat(game.Text().Split('\n').Select(row => row.Length > 34 ? row[^34..] : row));
            Assert.Equal(before.Place, game.Screen.Panel.Title);
            Assert.Contains(before.Place, panel, StringComparison.Ordinal);
            Assert.Contains(before.Time.ToString(), panel, StringComparison.Ordinal);
        }
        finally
        {
            model.Released.TrySetResult();
            await opening.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Answers as the grammar model does, but holds the first call of the game until released.</summary>
    private sealed class FirstCallHeld() : DelegatingChatClient(GrammarModel.Create())
    {
        private int _calls;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await HoldFirstAsync(cancellationToken);
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }

        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await HoldFirstAsync(cancellationToken);
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }
        }

        private async Task HoldFirstAsync(CancellationToken cancellation)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Reached.TrySetResult();
                await Released.Task.WaitAsync(cancellation);
            }
        }
    }

    [Fact]
    public async Task Quitting_while_a_line_is_generated_stops_it_keeps_nothing_of_the_turn_and_leaves_the_save_as_it_was()
    {
        using var model = new HeldReplyModel();
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 80, 24, cast: PlayedBy(model));
        var before = game.Play.Controller.Session.Log.Count;
        model.Armed = true;
        game.Keys("wait");
        game.Tap(Key.Enter);
        await model.Holding.WaitAsync(TimeSpan.FromSeconds(30));

        game.Tap(Key.Q.WithCtrl);
        Assert.NotNull(game.Screen.Dialog);
        game.Tap(new Key('y'));
        await game.Settled().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(game.Play.Quit);
        Assert.False(game.Play.Busy);
        var story = game.Play.Log.Snapshot();
        Assert.Contains(story, l => l.Text.StartsWith("Stopped.", StringComparison.Ordinal));
        Assert.Contains(story, l => l.Text == "Goodbye. The game is saved as 'game'.");
        Assert.DoesNotContain(story, l => l.Text.Contains(HeldReplyModel.Line, StringComparison.Ordinal));
        Assert.Equal(before, game.Play.Controller.Session.Log.Count);
        var saved = new AuthoredSaves(game.Play.Controller.Session.State.World, game.Play.Controller.Player!, _folder.Path).Load("game");
        Assert.Equal(before, saved.Session.Log.Count);
    }

    [Fact]
    public async Task Words_said_where_the_player_does_not_stand_are_not_streamed_to_the_player()
    {
        using var model = new HeldReplyModel();
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40, cast: PlayedBy(model));
        var streamed = new List<StreamedText>();
        game.Play.Controller.TextStreamed += (_, text) => streamed.Add(text);

        await game.Command("wait");
        Assert.Contains(streamed, t => t.Role.StartsWith("character:", StringComparison.Ordinal) && t.Field == "dialogue");

        await game.Command("e");
        Assert.Equal("Chapel Row", game.Play.Controller.View()!.Place);
        streamed.Clear();
        await game.Command("wait");
        var world = game.Play.Controller.Session.State;
        Assert.All(streamed, t => Assert.Equal(world.Character(game.Play.Controller.Player!).Location, world.Character(t.Role["character:".Length..]).Location));
        Assert.DoesNotContain(game.Play.Log.Snapshot().TakeLast(8), l => l.Text.Contains(HeldReplyModel.Line, StringComparison.Ordinal) && !l.Text.StartsWith("From ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_growing_reply_joins_the_pieces_of_one_field_and_starts_again_on_a_new_attempt_or_call()
    {
        var growing = new GrowingReply(id => id == "maud" ? "Maud Corrie" : id);
        growing.Add(new StreamedText("character:maud", 1, "dialogue", "Shut "));
        var line = growing.Add(new StreamedText("character:maud", 1, "dialogue", "the door"));
        Assert.Equal(new StoryLine("Maud Corrie: “Shut the door…", StoryTone.Speech, "maud"), line);

        line = growing.Add(new StreamedText("character:maud", 2, "dialogue", "Close"));
        Assert.Equal("Maud Corrie: “Close…", line.Text);

        line = growing.Add(new StreamedText("narrator", 1, "narration", "Rain falls."));
        Assert.Equal(new StoryLine("Rain falls.…", StoryTone.Narration), line);

        growing.Clear();
        Assert.Equal("Wind.…", growing.Add(new StreamedText("narrator", 1, "narration", "Wind.")).Text);
    }

    public void Dispose() => _folder.Dispose();
}

using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Session;
using TaleForge.Tui.Story;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>A character's words appear in the story pane while the model is still writing them, then as the finished line.</summary>
public sealed class StreamingOnScreenTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private static Func<WorldDefinition, string, Cast> PlayedBy(HeldReplyModel model) => (world, player) =>
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

    public void Dispose() => _folder.Dispose();
}

namespace TaleForge.Tui.Tests;

/// <summary>The model's activity on the screen: a loading bar while a model loads, "X is thinking…" while a call runs.</summary>
public sealed class ModelActivityTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task A_loading_model_shows_a_bar_on_the_hint_line_and_it_goes_when_loaded()
    {
        var activity = new ModelActivity();
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, activity: activity);
        activity.Load("/models/maud.gguf", 0.4);
        game.Screen.Tick();
        Assert.Contains("Loading maud.gguf ████████░░░░░░░░░░░░ 40%", game.Text());

        activity.Load("/models/maud.gguf", 1);
        game.Screen.Tick();
        Assert.DoesNotContain("Loading maud.gguf", game.Text());
    }

    [Fact]
    public async Task A_running_call_names_who_is_thinking_and_that_Esc_stops_it()
    {
        var activity = new ModelActivity();
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40, activity: activity);
        activity.Think("Maud Corrie");
        game.Screen.Tick();
        Assert.Contains("Maud Corrie is thinking… · Esc stops", game.Text());

        activity.Think(null);
        game.Screen.Tick();
        Assert.DoesNotContain("is thinking", game.Text());
    }

    public void Dispose() => _folder.Dispose();
}

using TaleForge.Tui.Dialogs;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>The settings dialog (F10) and its writer of the config file the play command reads.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Config => Path.Combine(_folder.Path, "taleforge", "config.yaml");

    [Fact]
    public void Writing_a_key_replaces_its_line_and_keeps_comments_and_other_keys()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Config)!);
        File.WriteAllText(Config, "# my settings\ntemp: 0.7\nthreads: 4\n");
        SettingsFile.Write(Config, "temp", "1.1");
        SettingsFile.Write(Config, "model", "/models/a \"b\".gguf");
        Assert.Equal(["# my settings", "temp: 1.1", "threads: 4", "model: \"/models/a \\\"b\\\".gguf\""], File.ReadAllLines(Config));
        var read = SettingsFile.Read(Config);
        Assert.Equal("1.1", read["temp"]);
        Assert.Equal("/models/a \"b\".gguf", read["model"]);
        Assert.Equal("4", read["threads"]);
    }

    [Fact]
    public void A_context_size_or_temperature_that_is_not_a_sensible_number_is_refused_with_what_is_expected()
    {
        Assert.Equal("the context size must be a whole number of tokens, 512 or more, not 'big'.", SettingsFile.Problem("ctx_size", "big"));
        Assert.Equal("the temperature must be a number from 0 to 2, not '3'.", SettingsFile.Problem("temp", "3"));
        Assert.Null(SettingsFile.Problem("ctx_size", "8192"));
        Assert.StartsWith("there is no model file 'nowhere.gguf'", SettingsFile.Problem("model", "nowhere.gguf"));
    }

    [Fact]
    public async Task F10_lists_the_settings_and_a_picked_one_is_typed_and_written_to_the_config_file()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, config: Config);
        await game.Press(Key.F10);
        var screen = game.Text();
        Assert.Contains("Settings", screen);
        Assert.Contains("▶ Model file: (default)", screen);
        Assert.Contains("Context size: (default)", screen);

        await game.Press(Key.CursorDown);
        await game.Press(Key.Enter);
        game.Keys("8192");
        await game.Press(Key.Enter);

        Assert.Equal("8192", SettingsFile.Read(Config)["ctx_size"]);
        screen = game.Text();
        Assert.Contains("Context size: 8192", screen);
        Assert.Contains("Context size = 8192", screen);
    }

    [Fact]
    public async Task A_temperature_out_of_range_is_not_written_and_the_hint_says_why()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40, Config);
        await game.Press(Key.F10);
        await game.Press(Key.CursorDown);
        await game.Press(Key.CursorDown);
        await game.Press(Key.Enter);
        game.Keys("5");
        await game.Press(Key.Enter);
        Assert.False(File.Exists(Config));
        Assert.Contains("Temperature: the temperature must be a number from 0 to 2, not '5'.", game.Text());
    }

    public void Dispose() => _folder.Dispose();
}

using TaleForge.Cli.Models;
using TaleForge.Tui;

namespace TaleForge.Cli.Tests;

/// <summary>Loading told two ways: a line on stderr for line mode and scripts, the bar of the full-screen game.</summary>
public sealed class LoadProgressTests
{
    [Fact]
    public void Piped_the_progress_line_prints_each_quarter_once_then_what_loaded()
    {
        // The test host's stderr is not a terminal, as a script's is not.
        Assert.True(Console.IsErrorRedirected);
        using var output = new StringWriter();
        ILoadProgress loading = new ProgressLine(output);
        var bar = loading.Begin("/models/tiny.gguf", "Loading tiny.gguf");
        foreach (var fraction in new[] { 0f, 0.1f, 0.24f, 0.25f, 0.5f, 0.6f, 0.75f, 0.99f, 1f })
        {
            bar.Report(fraction);
        }
        loading.Done("Loaded tiny.gguf: llama 1M, 512 tokens of context, CPU.");
        loading.Note("Using qwen at http://127.0.0.1:8080/v1 (at most 4 requests at once).");

        Assert.Equal(
            [
                "Loading tiny.gguf:   0%", "Loading tiny.gguf:  25%", "Loading tiny.gguf:  50%", "Loading tiny.gguf:  75%", "Loading tiny.gguf: 100%",
                "Loaded tiny.gguf: llama 1M, 512 tokens of context, CPU.",
                "Using qwen at http://127.0.0.1:8080/v1 (at most 4 requests at once).",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_second_file_is_counted_from_its_own_beginning()
    {
        using var output = new StringWriter();
        ILoadProgress loading = new ProgressLine(output);
        loading.Begin("/models/a.gguf", "Loading a.gguf").Report(1);
        loading.Done("Loaded a.gguf.");
        loading.Begin("/models/b.gguf", "Loading b.gguf").Report(1);
        Assert.EndsWith($"Loaded a.gguf.{Environment.NewLine}Loading b.gguf: 100%{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void On_the_screen_the_bar_follows_the_file_loading_and_goes_when_it_has_loaded()
    {
        var activity = new ModelActivity();
        ILoadProgress loading = new ScreenLoadProgress(activity);
        var bar = loading.Begin("/models/maud.gguf", "Loading maud.gguf");
        Assert.Equal(("/models/maud.gguf", 0.0), activity.Loading);

        bar.Report(0.45f);
        Assert.Equal("/models/maud.gguf", activity.Loading?.File);
        Assert.Equal(0.45, activity.Loading!.Value.Fraction, 3);
        // The loader's last report comes before the model is ready: the bar stays until Done.
        bar.Report(1f);
        Assert.NotNull(activity.Loading);
        loading.Note("Using qwen at http://127.0.0.1:8080/v1.");
        Assert.NotNull(activity.Loading);

        loading.Done("Loaded maud.gguf.");
        Assert.Null(activity.Loading);
    }

    [Fact]
    public void On_the_screen_a_file_that_fails_to_load_leaves_no_bar_behind()
    {
        var activity = new ModelActivity();
        ILoadProgress loading = new ScreenLoadProgress(activity);
        loading.Begin("/models/broken.gguf", "Loading broken.gguf").Report(0.3f);
        Assert.NotNull(activity.Loading);

        loading.Failed();
        Assert.Null(activity.Loading);
    }
}

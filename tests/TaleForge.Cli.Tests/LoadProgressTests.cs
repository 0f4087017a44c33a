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

    [Fact]
    [NeedsNativeLibrary]
    public async Task A_model_loaded_for_the_screen_shows_its_bar_while_it_loads_and_none_once_it_has()
    {
        var activity = new ModelActivity();
        var seen = new List<(string File, double Fraction)?>();
        var loading = new Watched(new ScreenLoadProgress(activity), () => seen.Add(activity.Loading));
        using var backend = await Backends.LoadAsync(TinyModels.SharedPath, new ModelSettings { ContextSize = 1024, Parallel = 1 }, loading, CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.All(seen, shown => Assert.Equal(TinyModels.SharedPath, shown?.File));
        Assert.True(seen[^1]!.Value.Fraction > 0.9, $"the last fraction shown was {seen[^1]}");
        Assert.Null(activity.Loading);
    }

    [Fact]
    [NeedsNativeLibrary]
    public async Task A_load_stopped_on_the_screen_leaves_no_bar_behind()
    {
        var activity = new ModelActivity();
        using var stop = new CancellationTokenSource();
        // Stopped at the first report, as Esc on the loading view does.
        var loading = new Watched(new ScreenLoadProgress(activity), stop.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Backends.LoadAsync(TinyModels.SharedPath, new ModelSettings { ContextSize = 1024, Parallel = 1 }, loading, stop.Token));
        Assert.Null(activity.Loading);
    }

    /// <summary>Passes everything on, and calls <paramref name="reported"/> after each fraction reported.</summary>
    private sealed class Watched(ILoadProgress inner, Action reported) : ILoadProgress, IProgress<float>
    {
        private IProgress<float>? _bar;

        public IProgress<float> Begin(string file, string label)
        {
            _bar = inner.Begin(file, label);
            return this;
        }

        public void Report(float value)
        {
            _bar!.Report(value);
            reported();
        }

        public void Done(string message) => inner.Done(message);

        public void Failed() => inner.Failed();

        public void Note(string message) => inner.Note(message);
    }
}

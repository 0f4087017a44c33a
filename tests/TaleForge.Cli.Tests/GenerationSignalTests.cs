using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TaleForge.Engine.Saves;

namespace TaleForge.Cli.Tests;

/// <summary>
/// Ctrl-C while the story is being generated, as a real signal to a real game: the generation stops, nothing of the
/// interrupted turn is kept, and the player is back at the prompt. The characters are played through an endpoint that
/// never answers, so the signal always lands mid-generation however fast the machine is.
/// </summary>
[StartsProcesses]
public sealed class GenerationSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TemporaryFolder _folder = new();
    private WebApplication _endpoint = null!;
    private int _asked;
    private int _abandoned;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _endpoint = builder.Build();
        _endpoint.MapGet("/v1/models", () => Results.Text("""{"object":"list","data":[{"id":"silent","object":"model"}]}""", "application/json"));
        _endpoint.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _asked);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The game gave up on the request: the interrupted generation was really stopped.
                Interlocked.Increment(ref _abandoned);
            }
        });
        await _endpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _folder.Dispose();
    }

    private string Address => _endpoint.Urls.Single();

    [Fact]
    public async Task Ctrl_C_during_a_generation_stops_it_and_the_game_waits_for_the_player_with_nothing_kept()
    {
        var saves = Path.Combine(_folder.Path, "saves");
        using var game = ChildGame.Start("play", "greywick", "--dir", Repository.Worlds, "--saves", saves, "--save", "interrupted",
            "--endpoint", Address, "--api-model", "silent");
        // The opening already asks the characters what they do, so the first generation comes before any turn of the player's.
        Assert.True(await game.WaitForOutputAsync("is thinking", Limit), game.Output + game.Error);
        Assert.True(SpinUntil(() => Volatile.Read(ref _asked) > 0), "a character's call reached the endpoint");

        game.Signal("INT");

        Assert.True(await game.WaitForOutputAsync("Stopped before your turn", Limit), game.Output + game.Error);
        Assert.True(await game.WaitForOutputAsync("> ", Limit), game.Output + game.Error);
        Assert.False(game.Process.HasExited, "Ctrl-C during a generation does not end the game");
        Assert.True(SpinUntil(() => Volatile.Read(ref _abandoned) == Volatile.Read(ref _asked)), "every request in flight was cancelled");

        // Enter lets the story go on: the characters are asked again, and a second Ctrl-C stops them again.
        var asked = Volatile.Read(ref _asked);
        var thinking = Count(game.Output, "is thinking");
        await game.Process.StandardInput.WriteLineAsync("");
        await game.Process.StandardInput.FlushAsync();
        Assert.True(SpinUntil(() => Volatile.Read(ref _asked) > asked && Count(game.Output, "is thinking") > thinking), game.Output);
        game.Signal("INT");
        Assert.True(SpinUntil(() => Count(game.Output, "Stopped before your turn") == 2), game.Output + game.Error);

        await game.Process.StandardInput.WriteLineAsync("quit");
        await game.Process.StandardInput.FlushAsync();
        Assert.Equal(0, await game.ExitCodeAsync(Limit));
        Assert.DoesNotContain("   at ", game.Error, StringComparison.Ordinal);
        Assert.True(SpinUntil(() => Volatile.Read(ref _abandoned) == Volatile.Read(ref _asked)), "every request in flight was cancelled");
        // No turn was completed, so nothing of the interrupted opening was kept.
        var save = Path.Combine(saves, "interrupted");
        Assert.False(Directory.Exists(save) && SavedGame.Open(save).Trajectory.Checkpoints.Count() > 1);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static bool SpinUntil(Func<bool> condition) => SpinWait.SpinUntil(condition, Limit);
}

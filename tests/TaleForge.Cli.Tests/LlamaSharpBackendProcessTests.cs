using System.Diagnostics;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// <c>--backend llamasharp</c> as a player or researcher uses it, in processes of their own (LLamaSharp's native
/// libraries and ours never share one, and this test process may hold ours): an episode recorded through LLamaSharp
/// names it in the header and re-runs identically with the backend that recorded it.
/// </summary>
[Slow]
[StartsProcesses]
[NeedsNativeLibrary]
public sealed class LlamaSharpBackendProcessTests
{
    [Fact]
    public async Task An_episode_simulated_with_llamasharp_names_it_in_the_header_and_re_runs_identically()
    {
        using var folder = new TemporaryFolder();
        var model = TinyModels.Write(Path.Combine(folder.Path, "tiny.gguf"));
        var output = Path.Combine(folder.Path, "run");

        var simulated = await RunAsync("simulate", "greywick", "--dir", Repository.Worlds, "--scene", "evening-tide", "--rounds", "1",
            "--backend", "llamasharp", "--model", model, "-c", "4096", "-t", "1", "--out", output);
        Assert.True(simulated.ExitCode == 0, simulated.Error);
        var trajectory = Directory.GetFiles(output, "*.jsonl", SearchOption.AllDirectories).Single();
        var header = TrajectoryFile.Read(trajectory).Header;
        Assert.All(header.Models, m => Assert.StartsWith("LLamaSharp 0.30.0 CPU", m.Backend, StringComparison.Ordinal));
        Assert.All(header.Models, m => Assert.Equal("1", m.Parameters["parallel"]));
        Assert.True(header.Deterministic);

        var verified = await RunAsync("replay", trajectory, "--verify", "--model", model);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
        Assert.Contains("identical", verified.Output, StringComparison.Ordinal);
        Assert.Contains("with LLamaSharp", verified.Output + verified.Error, StringComparison.Ordinal);
    }

    private static async Task<CommandRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args.Prepend(Path.Combine(AppContext.BaseDirectory, "taleforge.dll")))
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        return new CommandRun(child.ExitCode, await output, await error, clock.Elapsed);
    }
}

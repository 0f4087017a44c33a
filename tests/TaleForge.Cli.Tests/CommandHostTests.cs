using TaleForge.Core;
using TaleForge.Engine.Hosting;

namespace TaleForge.Cli.Tests;

/// <summary>The one top-level handler: messages and exit codes, never a stack trace on the terminal.</summary>
public class CommandHostTests
{
    private static async Task<(int Code, string Error)> RunAsync(Func<CancellationToken, Task<int>> command, CancellationToken cancellation = default)
    {
        using var error = new StringWriter { NewLine = "\n" };
        var code = await CommandHost.RunAsync("taleforge", ["play", "x"], error, command, listenToSignals: false, cancellation);
        return (code, error.ToString());
    }

    [Fact]
    public async Task An_unexpected_failure_is_one_line_and_a_crash_report_holding_the_details()
    {
        var (code, error) = await RunAsync(_ => throw new InvalidOperationException("the lamp exploded"));

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: something unexpected went wrong (InvalidOperationException: the lamp exploded).", lines[0]);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        var report = lines[1].Split("The details are in ")[1].Split("; please attach")[0];
        try
        {
            var text = File.ReadAllText(report);
            Assert.Contains("command line: play x", text, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException: the lamp exploded", text, StringComparison.Ordinal);
            Assert.Contains("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task A_taleforge_exception_is_its_message_and_its_exit_code()
    {
        var (code, error) = await RunAsync(_ => throw new TaleForgeException("the save is damaged") { ExitCode = 3 });

        Assert.Equal((3, "error: the save is damaged\n"), (code, error));
    }

    [Fact]
    public async Task A_cancelled_command_is_stopped_with_130()
    {
        using var cancel = new CancellationTokenSource();
        var (code, error) = await RunAsync(async token =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, cancel.Token);

        Assert.Equal((130, "stopped.\n"), (code, error));
    }

    [Fact]
    public async Task A_command_that_ignores_cancellation_is_left_after_the_grace_period()
    {
        using var cancel = new CancellationTokenSource();
        using var never = new ManualResetEventSlim();
        var (code, _) = await RunAsync(_ =>
        {
            cancel.Cancel();
            never.Wait(TimeSpan.FromSeconds(30));
            return Task.FromResult(0);
        }, cancel.Token);

        Assert.Equal(130, code);
    }
}

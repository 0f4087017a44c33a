using System.Diagnostics;
using System.Text;

namespace TaleForge.Cli.Tests;

/// <summary>taleforge run as a real child process, its output collected as it comes, for signals and kills.</summary>
internal sealed class ChildGame : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private ChildGame(Process process)
    {
        Process = process;
        // Read as it comes, not by lines: the prompt "> " ends no line.
        _ = Task.Run(() => CollectAsync(process.StandardOutput, _output));
        _ = Task.Run(() => CollectAsync(process.StandardError, _error));
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static ChildGame Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "taleforge.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new ChildGame(Process.Start(start)!);
    }

    /// <summary>Sends a real signal (INT, TERM) to the child, as a terminal or a service manager would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{name}", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until the output holds <paramref name="text"/> (true), or the time is up or the child gone (false).</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            if (Process.HasExited)
            {
                await Process.WaitForExitAsync();
                return Output.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(20);
        }
        return false;
    }

    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await Process.WaitForExitAsync(timeout.Token);
        return Process.ExitCode;
    }

    private async Task CollectAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
    }
}

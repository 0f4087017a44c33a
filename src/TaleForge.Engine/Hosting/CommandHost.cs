using System.Runtime.InteropServices;
using TaleForge.Core;

namespace TaleForge.Engine.Hosting;

/// <summary>
/// The one top-level handler of TaleForge's executables: runs a command, turns a TaleForgeException into its
/// message and exit code, Ctrl-C into 130 and SIGTERM into 143, and anything unexpected into one line and a crash
/// report, never a stack trace on the terminal.
/// </summary>
public static class CommandHost
{
    /// <summary>How long a cancelled command may take to wind down (close its save) before the process leaves anyway.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(3);

    /// <param name="program">The executable's name, for the crash report.</param>
    /// <param name="args">The command line, for the crash report.</param>
    /// <param name="error">Where messages go.</param>
    /// <param name="command">The command; it runs on the thread pool, so a blocking read cannot hold up a signal.</param>
    /// <param name="listenToSignals">Whether this process's SIGINT and SIGTERM are the command's (not in tests run in-process).</param>
    public static async Task<int> RunAsync(
        string program, IReadOnlyList<string> args, TextWriter error, Func<CancellationToken, Task<int>> command,
        bool listenToSignals, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(command);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var signal = 0;
        void Stop(int code)
        {
            Interlocked.CompareExchange(ref signal, code, 0);
            if (code == ExitCodes.Terminated)
            {
                Volatile.Write(ref signal, code);
            }
            // Cancel off the signal thread: a callback that throws must not take the process down with it.
            _ = Task.Run(() =>
            {
                try
                {
                    stop.Cancel();
                }
                catch (Exception e) when (e is ObjectDisposedException or AggregateException)
                {
                }
            });
        }
        using var terminate = listenToSignals ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop(ExitCodes.Terminated);
        }) : null;
        using var interrupt = listenToSignals ? PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            if (!Interrupts.Offer())
            {
                Stop(ExitCodes.Interrupted);
            }
        }) : null;

        var work = Task.Run(() => command(stop.Token), CancellationToken.None);
        try
        {
            await Task.WhenAny(work, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
            if (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(Grace, CancellationToken.None)).ConfigureAwait(false);
            }
            if (!work.IsCompleted)
            {
                return await StoppedAsync(error, signal).ConfigureAwait(false);
            }
            var code = await work.ConfigureAwait(false);
            return signal != 0 ? await StoppedAsync(error, signal).ConfigureAwait(false) : code;
        }
        catch (TaleForgeException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return await StoppedAsync(error, signal).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var report = CrashReport.Write(program, args, e);
            await error.WriteLineAsync($"error: something unexpected went wrong ({e.GetType().Name}: {e.Message}).").ConfigureAwait(false);
            await error.WriteLineAsync(report is null
                ? "  No crash report could be written; please report the command line above."
                : $"  The details are in {report}; please attach that file when you report this.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>A usage error: the messages, a pointer to --help, exit 2.</summary>
    public static async Task<int> UsageAsync(TextWriter error, IEnumerable<string> messages, string program)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        }
        await error.WriteLineAsync($"See '{program} --help'.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    private static async Task<int> StoppedAsync(TextWriter error, int signal)
    {
        var code = signal == ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;
        await error.WriteLineAsync(code == ExitCodes.Terminated ? "terminated." : "stopped.").ConfigureAwait(false);
        return code;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TaleForge.LlamaCpp.Loading;

/// <summary>
/// Routes llama.cpp's and ggml's log lines to an <see cref="ILogger"/> instead of stderr, and writes ggml's fatal
/// message (the one before <c>abort()</c>) to stderr and the logger, flushed, so it is not lost with the process.
/// </summary>
internal static unsafe class NativeLog
{
    private static ILogger _logger = NullLogger.Instance;
    private static LogLevel _lastLevel = LogLevel.Debug;

    public static ILogger Logger
    {
        get => Volatile.Read(ref _logger);
        set => Volatile.Write(ref _logger, value ?? NullLogger.Instance);
    }

    public static delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> LogCallback => &OnLog;

    // The last warnings and errors, whatever the logger shows, so a refusal by llama.cpp can quote its reason.
    private const int Remembered = 16;
    private static readonly Queue<(long Number, string Line)> _recent = new();
    private static long _lines;

    /// <summary>A mark to pass to <see cref="WarningsSince"/>.</summary>
    public static long Mark()
    {
        lock (_recent)
        {
            return _lines;
        }
    }

    /// <summary>llama.cpp's warning and error lines logged after <paramref name="mark"/> (the last 16 at most).</summary>
    public static IReadOnlyList<string> WarningsSince(long mark)
    {
        lock (_recent)
        {
            return [.. _recent.Where(r => r.Number > mark).Select(r => r.Line)];
        }
    }

    private static void Remember(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_recent)
        {
            _recent.Enqueue((++_lines, line.Trim()));
            while (_recent.Count > Remembered)
            {
                _recent.Dequeue();
            }
        }
    }

    public static delegate* unmanaged[Cdecl]<byte*, void> FatalCallback => &OnFatal;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, IntPtr userData)
    {
        try
        {
            var logger = Logger;
            // GGML_LOG_LEVEL_CONT (5) continues the previous line at its level.
            var mapped = level switch
            {
                1 => LogLevel.Debug,
                2 => LogLevel.Debug,
                3 => LogLevel.Warning,
                4 => LogLevel.Error,
                5 => _lastLevel,
                _ => LogLevel.Trace,
            };
            _lastLevel = mapped;
            if (text == null)
            {
                return;
            }
            if (mapped >= LogLevel.Warning)
            {
                Remember(Marshal.PtrToStringUTF8((IntPtr)text)?.TrimEnd('\n'));
            }
            if (!logger.IsEnabled(mapped))
            {
                return;
            }
            var message = Marshal.PtrToStringUTF8((IntPtr)text)?.TrimEnd('\n');
            if (!string.IsNullOrEmpty(message))
            {
#pragma warning disable CA1848, CA2254 // native lines are free text; this is not a hot path at the levels enabled.
                logger.Log(mapped, "llama.cpp: {Message}", message);
#pragma warning restore CA1848, CA2254
            }
        }
#pragma warning disable CA1031 // an exception must never cross back into native code.
        catch
        {
        }
#pragma warning restore CA1031
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnFatal(byte* message)
    {
        try
        {
            var text = message == null ? "(no message)" : Marshal.PtrToStringUTF8((IntPtr)message);
            var line = Encoding.UTF8.GetBytes($"llama.cpp fatal error (the process will abort): {text}\n");
            using (var stderr = Console.OpenStandardError())
            {
                stderr.Write(line);
                stderr.Flush();
            }
#pragma warning disable CA1848
            Logger.LogCritical("llama.cpp fatal error: {Message}", text);
#pragma warning restore CA1848
        }
#pragma warning disable CA1031
        catch
        {
        }
#pragma warning restore CA1031
    }
}

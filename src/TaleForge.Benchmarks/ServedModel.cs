using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TaleForge.Core;

namespace TaleForge.Benchmarks;

/// <summary>
/// A <c>taleforge serve</c> process on a free loopback port, ready once its model is loaded (GET /health says so),
/// stopped with its process tree when disposed.
/// </summary>
internal sealed partial class ServedModel : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServedModel(Process process, StringBuilder log, Uri endpoint)
    {
        _process = process;
        _log = log;
        Endpoint = endpoint;
    }

    /// <summary>The OpenAI-compatible base URL ("http://127.0.0.1:PORT/v1").</summary>
    public Uri Endpoint { get; }

    public static async Task<ServedModel> StartAsync(TaleForgeProgram program, IEnumerable<string> serveArguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program.Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in program.Arguments(serveArguments.Prepend("serve")))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new TaleForgeException($"could not start {program.Assembly} serve.");
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var served = new ServedModel(process, log, await AddressAsync(process, log, cancellation));
        try
        {
            await served.WaitUntilLoadedAsync(cancellation);
            return served;
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }
    }

    /// <summary>The address from serve's first line ("Serving NAME at URL ..."); the port is the one it picked.</summary>
    private static async Task<Uri> AddressAsync(Process process, StringBuilder log, CancellationToken cancellation)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellation) is { } line)
            {
                if (ServingLine().Match(line) is { Success: true } match)
                {
                    // The rest of stdout is drained so serve never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new Uri(match.Groups["url"].Value);
                }
            }
            await process.WaitForExitAsync(cancellation);
            throw new TaleForgeException($"taleforge serve stopped before serving (exit {process.ExitCode}): {Tail(log)}");
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    private async Task WaitUntilLoadedAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = new Uri(Endpoint, "/health");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new TaleForgeException($"taleforge serve stopped while loading its model (exit {_process.ExitCode}): {Tail(_log)}");
            }
            var status = await StatusAsync(http, health, cancellation);
            if (status == HttpStatusCode.OK)
            {
                return;
            }
            if (status is not (HttpStatusCode.ServiceUnavailable or null))
            {
                throw new TaleForgeException($"taleforge serve could not load its model ({(int)status} from {health}): {Tail(_log)}");
            }
            await Task.Delay(200, cancellation);
        }
    }

    /// <summary>What the server has done so far, as its health answer reports it (requests, prompt, cached and generated tokens).</summary>
    public async Task<System.Text.Json.Nodes.JsonObject?> ServedAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(Endpoint, "/health"), cancellation));
        return health?["served"]?.DeepClone().AsObject();
    }

    /// <summary>Null while the server does not answer yet.</summary>
    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, Uri health, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(health, cancellation);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString().Trim();
            return text.Length == 0 ? "it printed nothing" : text[Math.Max(0, text.Length - 2000)..];
        }
    }

    [GeneratedRegex(@" at (?<url>https?://\S+/v1)\b")]
    private static partial Regex ServingLine();
}

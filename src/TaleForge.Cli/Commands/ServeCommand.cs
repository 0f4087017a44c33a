using System.CommandLine;
using System.Globalization;
using TaleForge.Cli.Models;
using TaleForge.Core;
using TaleForge.Server;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge serve</c>: one process owns the model (and the GPU) and answers OpenAI-compatible requests, so
/// any number of play, simulate or eval processes, or any OpenAI client, share it.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "GGUF model to serve.", Required = true };
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free one).", DefaultValueFactory = _ => 8080 };
        var context = new Option<int>("--ctx-size", "-c") { Description = "Context size in tokens, shared by the requests decoded together.", DefaultValueFactory = _ => 16384 };
        var gpuLayers = new Option<int>("--n-gpu-layers", "-ngl") { Description = "Layers to offload to an NVIDIA GPU (-1: all)." };
        var threads = new Option<int?>("--threads", "-t") { Description = "CPU threads for generation." };
        var parallel = new Option<int>("--parallel", "-np") { Description = "Requests decoded together; more wait their turn.", DefaultValueFactory = _ => 4 };
        var maxRequests = new Option<int>("--max-requests") { Description = "Requests accepted at once, decoding and waiting; more are answered 429.", DefaultValueFactory = _ => 64 };
        var keyVariable = new Option<string?>("--api-key-env") { Description = "Environment variable holding the API key clients must send; none: no key is asked for." };
        var command = new Command("serve", "Serve a GGUF model over an OpenAI-compatible HTTP API (/v1/chat/completions, /v1/models, /health).")
        {
            model, host, port, context, gpuLayers, threads, parallel, maxRequests, keyVariable,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var path = Path.GetFullPath(result.GetValue(model)!);
            if (!File.Exists(path))
            {
                throw new TaleForgeException($"--model '{result.GetValue(model)}' does not exist; give the path of a GGUF model file.");
            }
            string? key = null;
            if (result.GetValue(keyVariable) is { } variable)
            {
                key = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
                    : throw new TaleForgeException($"--api-key-env names {variable}, but that environment variable is empty; set it to the key clients must send.");
            }
            var options = new ServerOptions
            {
                ModelPath = path,
                Host = result.GetValue(host)!,
                Port = Positive(result.GetValue(port), "--port", allowZero: true),
                ContextSize = Positive(result.GetValue(context), "--ctx-size"),
                GpuLayers = result.GetValue(gpuLayers),
                Threads = result.GetValue(threads),
                Parallel = Positive(result.GetValue(parallel), "--parallel"),
                MaxRequests = Positive(result.GetValue(maxRequests), "--max-requests"),
                ApiKey = key,
            };
            var error = result.InvocationConfiguration.Error;
            var loading = new ProgressLine(error);
            await using var server = await ChatServer.StartAsync(options, loading.Begin(path, $"Loading {Path.GetFileName(path)}"), cancellation);
            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"Serving {server.ModelId} at {server.Address} (OpenAI-compatible; GET /health says when the model is loaded){(key is null ? "" : "; clients must send the key")}. Ctrl+C stops.");
            try
            {
                await server.Loaded.WaitAsync(cancellation);
                loading.Done($"Loaded {server.ModelId}; ready.");
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                loading.Failed();
                await error.WriteLineAsync("stopped serving.");
            }
            catch
            {
                // A model that did not load: its error is told on a line of its own.
                loading.Failed();
                throw;
            }
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string option, bool allowZero = false) =>
        value > 0 || (allowZero && value == 0) ? value
            : throw new TaleForgeException(string.Create(CultureInfo.InvariantCulture, $"{option} must be {(allowZero ? "0 or more" : "at least 1")}, not {value}."));
}

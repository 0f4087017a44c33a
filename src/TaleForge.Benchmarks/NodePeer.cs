using System.Globalization;
using System.Text.Json;

namespace TaleForge.Benchmarks;

/// <summary>
/// node-llama-cpp 3.22.1 as the peer: installed with npm into .taleforge/node-peer on first use (by name, plus the
/// very @node-llama-cpp/linux-x64 tarball our own libraries come from), then run on the same model file.
/// </summary>
internal static class NodePeer
{
    private const string Version = "3.22.1";
    private const string Script = "node-llama-peer.mjs";

    public static async Task<PeerResult> MeasureAsync(InferenceBenchmarkSettings settings, string prompt, TextWriter log, CancellationToken cancellation)
    {
        if (!ExternalProcess.IsOnPath("node") || !ExternalProcess.IsOnPath("npm"))
        {
            return PeerResult.Unavailable("node and npm are not installed");
        }
        var script = BenchmarkTools.Find(Script);
        if (script is null)
        {
            return PeerResult.Unavailable($"tools/bench/{Script} not found (run from the repository)");
        }
        var directory = Path.Combine(settings.CacheRoot, "node-peer");
        var installed = await EnsureInstalledAsync(directory, settings.CacheRoot, log, cancellation);
        if (installed is not null)
        {
            return PeerResult.Unavailable(installed);
        }
        File.Copy(script, Path.Combine(directory, Script), overwrite: true);
        var config = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = settings.ModelPath,
            ["threads"] = settings.Threads,
            ["contextSize"] = settings.ContextSize,
            ["batchSize"] = settings.BatchSize,
            ["prompt"] = prompt,
            ["tokens"] = settings.Tokens,
            ["runs"] = settings.Runs,
            ["loadRuns"] = settings.Runs,
            ["seed"] = settings.Seed,
            ["temperature"] = settings.Temperature,
            ["topK"] = settings.TopK,
            ["topP"] = settings.TopP,
            ["minP"] = settings.MinP,
        });
        var (ok, output, error) = await ExternalProcess.RunAsync("node", [Script, config], directory, cancellation);
        return ok ? Parse(output) : PeerResult.Unavailable($"node-llama-cpp failed: {error.Trim()}");
    }

    /// <summary>Null when ready, else why not.</summary>
    private static async Task<string?> EnsureInstalledAsync(string directory, string cacheRoot, TextWriter log, CancellationToken cancellation)
    {
        var marker = Path.Combine(directory, "node_modules", "node-llama-cpp", "package.json");
        var binaries = Path.Combine(directory, "node_modules", "@node-llama-cpp", "linux-x64", "bins", "linux-x64");
        if (!File.Exists(marker) || !Directory.Exists(binaries))
        {
            var tarball = Path.Combine(cacheRoot, "npm", $"node-llama-cpp-linux-x64-{Version}.tgz");
            if (!File.Exists(tarball))
            {
                return $"{tarball} is missing: run tools/install-llama.sh first";
            }
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "package.json"), """{ "name": "taleforge-node-peer", "private": true, "type": "module" }""", cancellation);
            await log.WriteLineAsync($"installing node-llama-cpp@{Version} into {directory} (once) ...");
            var (ok, _, error) = await ExternalProcess.RunAsync("npm",
                ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=optional", $"node-llama-cpp@{Version}", tarball], directory, cancellation);
            if (!ok)
            {
                return $"npm install node-llama-cpp@{Version} failed (offline?): {error.Trim().Split('\n').LastOrDefault()}";
            }
        }
        return null;
    }

    /// <summary>True when node-llama-cpp's libllama is byte for byte the one TaleForge loads.</summary>
    public static bool UsesSameBinaries(string cacheRoot, string ourLibraryDirectory)
    {
        var theirs = Path.Combine(cacheRoot, "node-peer", "node_modules", "@node-llama-cpp", "linux-x64", "bins", "linux-x64", "libllama.v0.5.0.so");
        var ours = Path.Combine(ourLibraryDirectory, "libllama.v0.5.0.so");
        return File.Exists(theirs) && File.Exists(ours) && BenchmarkTools.Sha256(theirs) == BenchmarkTools.Sha256(ours);
    }

    internal static PeerResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json.Trim().Split('\n')[^1]);
        var root = document.RootElement;
        Samples Read(string name) => new(root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Samples? Optional(string name) => root.TryGetProperty(name, out _) ? Read(name) : null;
        return new PeerResult(Read("loadMilliseconds"), Read("tokensPerSecond"), root.GetProperty("promptTokens").GetInt32(), null)
        {
            Step1Milliseconds = Optional("step1Milliseconds"),
            Step4Milliseconds = Optional("step4Milliseconds"),
        };
    }

    internal static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}

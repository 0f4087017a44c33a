using System.Text.Json.Serialization;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.Benchmarks;

/// <summary>
/// Runs TaleForge, node-llama-cpp, LLamaSharp (in a child process) and the C baseline on one model file with the same
/// threads, context, sampler and fixed token count (end of generation suppressed, prompt time excluded, warm-up first,
/// medians). The sides take turns round by round, in a rotating order, so a burst of load from elsewhere on the
/// machine hits them alike.
/// </summary>
public sealed record InferenceBenchmark(
    [property: JsonPropertyName("single_vs_node")] double? SingleVsNode,
    [property: JsonPropertyName("batch4_vs_sequential")] double Batch4VsSequential,
    [property: JsonPropertyName("batch4_vs_sequential_1b")] double? Batch4VsSequential1b,
    [property: JsonPropertyName("batch4_ceiling_c")] double? Batch4CeilingC,
    [property: JsonPropertyName("prefix_ttft_speedup")] double PrefixTtftSpeedup,
    [property: JsonPropertyName("load_vs_node")] double? LoadVsNode,
    [property: JsonPropertyName("single_vs_c")] double? SingleVsC,
    [property: JsonPropertyName("single_vs_llamasharp")] double? SingleVsLlamaSharp,
    [property: JsonPropertyName("load_vs_llamasharp")] double? LoadVsLlamaSharp,
    [property: JsonPropertyName("goals")] IReadOnlyDictionary<string, string> Goals,
    [property: JsonPropertyName("settings")] InferenceBenchmarkSettings Settings,
    [property: JsonPropertyName("runtime")] LlamaRuntimeInfo Runtime,
    [property: JsonPropertyName("node_uses_same_binaries")] bool NodeUsesSameBinaries,
    [property: JsonPropertyName("ours")] OurMeasurements Ours,
    [property: JsonPropertyName("ours_1b")] BatchOnModel? Ours1b,
    [property: JsonPropertyName("node")] PeerResult Node,
    [property: JsonPropertyName("c")] PeerResult C,
    [property: JsonPropertyName("llamasharp")] PeerResult LlamaSharp)
{
    public static async Task<InferenceBenchmark> RunAsync(InferenceBenchmarkSettings settings, TextWriter log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        using var model = LlamaModel.Load(settings.ModelPath, cancellation: cancellation);
        var runtime = NativeLibraryLoader.Current!;
        using var client = OurMeasurements.CreateClient(model, settings, prefixCache: false);
        var prompt = client.FormatPrompt(OurMeasurements.SingleConversation);

        // Warm-up of our side; each peer process warms itself up before its measured run.
        OurMeasurements.MeasureLoad(settings.ModelPath, cancellation);
        var (_, promptTokens) = await OurMeasurements.MeasureSingleAsync(client, settings, cancellation);
        await OurMeasurements.MeasureBatchAsync(client, settings, cancellation);

        var oursLoad = new List<double>();
        var oursSingle = new List<double>();
        var nodeRounds = new List<PeerResult>();
        var cRounds = new List<PeerResult>();
        var llamaSharpRounds = new List<PeerResult>();
        var perRound = settings with { Runs = settings.RunsPerRound };
        for (var round = 1; round <= settings.Runs; round++)
        {
            await log.WriteLineAsync($"round {round}/{settings.Runs}: TaleForge, node-llama-cpp, C, LLamaSharp ...");
            // Who goes first changes every round, so no side always meets the machine right after the same neighbour.
            for (var turn = 0; turn < 4; turn++)
            {
                switch ((round + turn) % 4)
                {
                    case 0:
                        for (var run = 0; run < settings.RunsPerRound; run++)
                        {
                            oursLoad.Add(OurMeasurements.MeasureLoad(settings.ModelPath, cancellation));
                            oursSingle.Add((await OurMeasurements.MeasureSingleAsync(client, settings, cancellation)).TokensPerSecond);
                        }
                        break;
                    case 1:
                        nodeRounds.Add(await NodePeer.MeasureAsync(perRound, prompt, log, cancellation));
                        break;
                    case 2:
                        cRounds.Add(await CBaseline.MeasureAsync(perRound, runtime.LibraryDirectory, prompt, cancellation));
                        break;
                    default:
                        llamaSharpRounds.Add(await LlamaSharpPeer.MeasureAsync(perRound, cancellation));
                        break;
                }
            }
        }

        await log.WriteLineAsync("batching and prefix cache ...");
        var sequential = new List<double>();
        var concurrent = new List<double>();
        var cold = new List<double>();
        var warm = new List<double>();
        var history = OurMeasurements.LongHistory(model, settings.PrefixTokens);
        var cached = 0;
        var prefixPrompt = 0;
        for (var round = 0; round <= settings.Runs; round++)
        {
            var (one, all) = await OurMeasurements.MeasureBatchAsync(client, settings, cancellation);
            var (coldStats, warmStats) = await OurMeasurements.MeasurePrefixAsync(model, history, settings, round, cancellation);
            if (round > 0)
            {
                sequential.Add(one);
                concurrent.Add(all);
                cold.Add(coldStats.TimeToFirstTokenMilliseconds);
                warm.Add(warmStats.TimeToFirstTokenMilliseconds);
                (cached, prefixPrompt) = (warmStats.CachedPromptTokens, warmStats.PromptTokens);
            }
        }

        BatchOnModel? oneB = null;
        if (settings.OneBModelPath is { } oneBPath)
        {
            await log.WriteLineAsync($"batching on the 1b model {oneBPath} ...");
            oneB = await BatchOnModel.MeasureAsync(oneBPath, settings, cancellation);
        }

        var ours = new OurMeasurements(new(oursLoad), new(oursSingle), new(concurrent), new(sequential), new(cold), new(warm), cached, prefixPrompt, promptTokens);
        var node = Combine(nodeRounds);
        var c = Combine(cRounds);
        var llamaSharp = Combine(llamaSharpRounds);
        var goals = new Dictionary<string, string>
        {
            ["single_vs_node"] = ">= 1.0",
            ["batch4_vs_sequential"] = "<= 0.5",
            ["batch4_vs_sequential_1b"] = "<= 0.5",
            ["prefix_ttft_speedup"] = ">= 5",
            ["load_vs_node"] = "<= 1.2",
            ["single_vs_c"] = ">= 0.95",
            ["single_vs_llamasharp"] = ">= 1.0",
            ["load_vs_llamasharp"] = "<= 1.2",
        };
        return new InferenceBenchmark(
            Ratio(ours.TokensPerSecond.Median, node.TokensPerSecond?.Median),
            Math.Round(ours.ConcurrentMilliseconds.Median / ours.SequentialMilliseconds.Median, 3),
            oneB?.Ratio,
            c.Step4Milliseconds is { } fourTokens && c.Step1Milliseconds is { } oneToken ? Ratio(fourTokens.Median, 4 * oneToken.Median) : null,
            Math.Round(ours.ColdTtftMilliseconds.Median / ours.WarmTtftMilliseconds.Median, 3),
            Ratio(ours.LoadMilliseconds.Median, node.LoadMilliseconds?.Median),
            Ratio(ours.TokensPerSecond.Median, c.TokensPerSecond?.Median),
            Ratio(ours.TokensPerSecond.Median, llamaSharp.TokensPerSecond?.Median),
            Ratio(ours.LoadMilliseconds.Median, llamaSharp.LoadMilliseconds?.Median),
            goals, settings, runtime, NodePeer.UsesSameBinaries(settings.CacheRoot, runtime.LibraryDirectory), ours, oneB, node, c, llamaSharp);
    }

    private static PeerResult Combine(List<PeerResult> rounds)
    {
        var measured = rounds.Where(r => r.Skipped is null).ToList();
        if (measured.Count == 0)
        {
            return rounds.FirstOrDefault() ?? PeerResult.Unavailable("not run");
        }
        Samples? All(Func<PeerResult, Samples?> samples) =>
            measured.All(r => samples(r) is not null) ? new Samples(measured.SelectMany(r => samples(r)!.Values).ToArray()) : null;
        return new PeerResult(
            All(r => r.LoadMilliseconds),
            All(r => r.TokensPerSecond),
            measured[0].PromptTokens,
            measured.Count < rounds.Count ? $"{rounds.Count - measured.Count} rounds failed: {rounds.First(r => r.Skipped is not null).Skipped}" : null)
        {
            Step1Milliseconds = All(r => r.Step1Milliseconds),
            Step4Milliseconds = All(r => r.Step4Milliseconds),
        };
    }

    private static double? Ratio(double ours, double? theirs) => theirs is > 0 ? Math.Round(ours / theirs.Value, 3) : null;
}

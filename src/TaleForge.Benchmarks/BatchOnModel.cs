using System.Text.Json.Serialization;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.Benchmarks;

/// <summary>Four requests one after another, then at once, on a second model (the <c>1b</c> shape): medians and their ratio.</summary>
public sealed record BatchOnModel(
    [property: JsonPropertyName("model")] string ModelPath,
    [property: JsonPropertyName("batch4_concurrent_ms")] Samples ConcurrentMilliseconds,
    [property: JsonPropertyName("batch4_sequential_ms")] Samples SequentialMilliseconds,
    [property: JsonPropertyName("ratio")] double Ratio)
{
    public static async Task<BatchOnModel> MeasureAsync(string path, InferenceBenchmarkSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var model = LlamaModel.Load(path, cancellation: cancellation);
        using var client = OurMeasurements.CreateClient(model, settings, prefixCache: false);
        // The first round warms the caches and is not counted.
        await OurMeasurements.MeasureBatchAsync(client, settings, cancellation);
        var sequential = new List<double>();
        var concurrent = new List<double>();
        for (var round = 0; round < Math.Max(1, settings.OneBRuns); round++)
        {
            var (one, all) = await OurMeasurements.MeasureBatchAsync(client, settings, cancellation);
            sequential.Add(one);
            concurrent.Add(all);
        }
        var (c, s) = (new Samples(concurrent.ToArray()), new Samples(sequential.ToArray()));
        return new BatchOnModel(path, c, s, Math.Round(c.Median / s.Median, 3));
    }
}

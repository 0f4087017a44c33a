using System.Text.Json.Serialization;

namespace TaleForge.Benchmarks;

/// <summary>Repeated measurements of one quantity: the median is what ratios use; min and max show the spread.</summary>
public sealed record Samples(IReadOnlyList<double> Values)
{
    [JsonPropertyName("median")]
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    [JsonPropertyName("min")]
    public double Min => Values.Count == 0 ? double.NaN : Values.Min();

    [JsonPropertyName("max")]
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();

    [JsonPropertyName("runs")]
    public IReadOnlyList<double> Runs => Values.Select(v => Math.Round(v, 3)).ToArray();
}

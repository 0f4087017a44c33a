using System.Globalization;

namespace TaleForge.CommandLine;

/// <summary>The values a numeric option accepts, and how a value outside them is reported.</summary>
public sealed record OptionRange(string Flag, long Min, long Max, string Why = "")
{
    public bool Contains(double value) => !double.IsNaN(value) && value >= Min && value <= Max;

    /// <summary>"--threads must be from 1 to 8 (the processors this machine has), not 0."</summary>
    public string Problem(string what, string value) =>
        $"{what} must be from {Describe(Min)} to {Describe(Max)}{Why}, not {value}.";

    private static string Describe(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The names an option accepts, and how another is reported.</summary>
public sealed record OptionChoice(string Flag, IReadOnlyList<string> Values)
{
    /// <summary>The value as the option names it (any case), or null when it is none of them.</summary>
    public string? Match(string value) => Values.FirstOrDefault(v => v.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"--backend must be llama or llamasharp, not 'llamacpp'."</summary>
    public string Problem(string what, string value) =>
        $"{what} must be {string.Join(", ", Values.SkipLast(1))} or {Values[^1]}, not '{value}'.";
}

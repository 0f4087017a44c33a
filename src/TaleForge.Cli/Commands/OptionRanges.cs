using System.CommandLine;
using System.Globalization;
using TaleForge.Cli.Models;
using TaleForge.Core;
using TaleForge.Engine.Hosting;

namespace TaleForge.Cli.Commands;

/// <summary>The values a numeric option accepts, and how a value outside them is reported.</summary>
internal sealed record OptionRange(string Flag, long Min, long Max, string Why = "")
{
    public bool Contains(double value) => !double.IsNaN(value) && value >= Min && value <= Max;

    /// <summary>"--threads must be from 1 to 8 (the processors this machine has), not 0."</summary>
    public string Problem(string what, string value) =>
        $"{what} must be from {Describe(Min)} to {Describe(Max)}{Why}, not {value}.";

    private static string Describe(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The names an option accepts, and how another is reported.</summary>
internal sealed record OptionChoice(string Flag, IReadOnlyList<string> Values)
{
    /// <summary>The value as the option names it (any case), or null when it is none of them.</summary>
    public string? Match(string value) => Values.FirstOrDefault(v => v.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"--backend must be llama or llamasharp, not 'llamacpp'."</summary>
    public string Problem(string what, string value) =>
        $"{what} must be {string.Join(", ", Values.SkipLast(1))} or {Values[^1]}, not '{value}'.";
}

/// <summary>
/// Every option's valid values, in one place: checked on the command line (a usage error, exit 2, before anything
/// runs) and, for the model settings, on values from the config file and TALEFORGE_* variables as well.
/// </summary>
internal static class OptionRanges
{
    /// <summary>Far above any model's training, low enough to refuse a typo before the memory check has to.</summary>
    public static OptionRange ContextSize { get; } = new("--ctx-size", 16, 1 << 24);

    public static OptionRange Threads { get; } = new("--threads", 1, Environment.ProcessorCount, " (the processors this machine has)");

    public static OptionRange GpuLayers { get; } = new("--n-gpu-layers", -1, 100_000, " (-1: all)");

    public static OptionRange Temperature { get; } = new("--temp", 0, 10);

    public static OptionRange Parallel { get; } = new("--parallel", 1, 256);

    public static OptionRange Rounds { get; } = new("--rounds", 1, 1_000_000);

    public static OptionRange Episodes { get; } = new("--episodes", 1, 1_000_000);

    public static OptionRange Step { get; } = new("--step", 0, long.MaxValue);

    public static OptionRange Candidates { get; } = new("--candidates", 1, TaleForge.Engine.Agents.Candidates.CandidateTurns.MaxCount, " (each candidate is a full turn request)");

    /// <summary>The local backend a GGUF file runs on; one per process, since their native libraries clash.</summary>
    public static OptionChoice Backend { get; } = new("--backend", Backends.Local);

    /// <summary>A usage error (exit 2) for a value that came from outside the command line.</summary>
    public static TaleForgeException Usage(string message) => new(message) { ExitCode = ExitCodes.Usage };

    public static Option<int?> Within(this Option<int?> option, OptionRange range)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && !range.Contains(value))
            {
                result.AddError(range.Problem(option.Name, Text(value)));
            }
        });
        return option;
    }

    public static Option<int> Within(this Option<int> option, OptionRange range)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (!range.Contains(value))
            {
                result.AddError(range.Problem(option.Name, Text(value)));
            }
        });
        return option;
    }

    public static Option<long?> Within(this Option<long?> option, OptionRange range)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is { } value && !range.Contains(value))
            {
                result.AddError(range.Problem(option.Name, Text(value)));
            }
        });
        return option;
    }

    public static Option<float?> Within(this Option<float?> option, OptionRange range)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<float?>() is { } value && !range.Contains(value))
            {
                result.AddError(range.Problem(option.Name, Text(value)));
            }
        });
        return option;
    }

    public static Option<string?> Among(this Option<string?> option, OptionChoice choice)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(choice);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && choice.Match(value) is null)
            {
                result.AddError(choice.Problem(option.Name, value));
            }
        });
        return option;
    }

    /// <summary>Refuses an empty or blank value: a name, path or file given as "" is a mistake, not a default.</summary>
    public static Option<T> NotBlank<T>(this Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (string.IsNullOrWhiteSpace(token.Value))
                {
                    result.AddError($"{option.Name} needs a value; it was given an empty one.");
                }
            }
        });
        return option;
    }

    /// <summary>Checks a value read from the config file or the environment, where no parser stands guard.</summary>
    public static double Checked(this OptionRange range, double value, string what) =>
        range.Contains(value) ? value : throw Usage(range.Problem(what, Text(value)));

    /// <summary>Checks a name read from the config file or the environment; returns it as the option names it.</summary>
    public static string Checked(this OptionChoice choice, string value, string what) =>
        choice.Match(value) ?? throw Usage(choice.Problem(what, value));

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;

namespace TaleForge.Benchmarks.Commands;

/// <summary>A numeric option's valid values, checked when the command line is parsed: a usage error (exit 2), worded as taleforge's own.</summary>
internal static class OptionRanges
{
    public static Option<int> Within(this Option<int> option, int min, int max, string why = "")
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                result.AddError(Problem(option.Name, value, min, max, why));
            }
        });
        return option;
    }

    public static Option<int?> Within(this Option<int?> option, int min, int max, string why = "")
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && (value < min || value > max))
            {
                result.AddError(Problem(option.Name, value, min, max, why));
            }
        });
        return option;
    }

    /// <summary>"--threads must be from 1 to 8 (the processors this machine has), not 0."</summary>
    private static string Problem(string name, int value, int min, int max, string why) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}{why}, not {value}.");
}

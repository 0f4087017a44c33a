using System.CommandLine;
using System.Globalization;
using TaleForge.Core;
using TaleForge.Engine.Hosting;

namespace TaleForge.CommandLine;

/// <summary>
/// Option checks shared by both executables: a value outside its range or choices is a usage error (exit 2) naming
/// the option, on the command line before anything runs, and for values read from a config file or the environment.
/// </summary>
public static class OptionChecks
{
    /// <summary>The option limited to <paramref name="min"/>..<paramref name="max"/>; <paramref name="why"/> says why, as " (the processors this machine has)".</summary>
    public static Option<int> Within(this Option<int> option, long min, long max, string why = "")
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Within(new OptionRange(option.Name, min, max, why));
    }

    /// <inheritdoc cref="Within(Option{int}, long, long, string)"/>
    public static Option<int?> Within(this Option<int?> option, long min, long max, string why = "")
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Within(new OptionRange(option.Name, min, max, why));
    }

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

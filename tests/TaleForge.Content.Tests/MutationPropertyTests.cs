using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Tests;

/// <summary>One edit to a valid world file, as a careless or hostile author might make it.</summary>
public sealed record Mutation(string Kind, int Line, int Other, string Junk)
{
    public override string ToString() =>
        $"{Kind} at line {Line} ({Other}, \"{string.Concat(Junk.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"))}\")";

    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        var at = Line % lines.Count;
        var other = Other % lines.Count;
        switch (Kind)
        {
            case "delete":
                lines.RemoveAt(at);
                break;
            case "duplicate":
                lines.Insert(at, lines[at]);
                break;
            case "swap":
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case "scalar":
                var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                lines[at] = colon < 0 ? lines[at] + Junk : lines[at][..(colon + 2)] + Junk;
                break;
            case "junk-key":
                var indent = lines[at].Length - lines[at].TrimStart().Length;
                lines.Insert(at, new string(' ', indent) + "zzjunk: " + Junk);
                break;
            case "indent":
                lines[at] = (Other % 2 == 0 ? "  " : "") + (lines[at].StartsWith("  ", StringComparison.Ordinal) && Other % 2 == 1 ? lines[at][2..] : lines[at]);
                break;
            case "truncate":
                return text[..(Line * 7919 % Math.Max(text.Length, 1))];
            case "insert":
                var position = Line * 104729 % Math.Max(text.Length, 1);
                return text[..position] + Junk + text[position..];
        }
        return string.Join('\n', lines);
    }
}

public static class Mutations
{
    private static string[] Junk { get; } =
    [
        "", "[", "]", "{", "}", "{a: [", "-1", "1e999", "0.5.5", "&a x", "*a", "!!binary x", "!tag", "\"unterminated", "'", "true", "null", "~",
        ":", "- x", "? x", "%YAML 1.1", "@", "`", "|", ">", "#", "\t", "\u0001", "\0", "\uFEFF", "é", "中文", "x: y: z", "[[[[[[[[[[", "{a: 1, a: 2}",
        "---", "...", "yes", "12:30", "0x1F", ".nan", "/[a-/", "${var}", "\\", "\r", "\u2028",
    ];

    public static Arbitrary<Mutation> Mutation() =>
        (from kind in Gen.Elements("delete", "duplicate", "swap", "scalar", "junk-key", "indent", "truncate", "insert")
         from line in Gen.Choose(0, 10_000)
         from other in Gen.Choose(0, 10_000)
         from junk in Gen.Elements(Junk)
         select new Mutation(kind, line, other, junk)).ToArbitrary();
}

[Slow]
public class MutationPropertyTests
{
    private static string[] Samples { get; } =
    [
        File.ReadAllText(Path.Combine(Repository.Worlds, "tea-house-rain", "world.yaml")),
        File.ReadAllText(Path.Combine(Repository.Worlds, "greywick", "characters", "abel.yaml")),
        File.ReadAllText(Path.Combine(Repository.Worlds, "greywick", "scenes", "1-evening-tide.yaml")),
    ];

    [Property(Arbitrary = [typeof(Mutations)], MaxTest = 300)]
    public bool A_mutated_world_file_gives_diagnostics_never_an_exception(Mutation first, Mutation second, Mutation third, int sample)
    {
        var text = third.Apply(second.Apply(first.Apply(Samples[Math.Abs(sample % Samples.Length)])));

        var result = WorldLoader.LoadText(text);

        var lineCount = text.Split('\n').Length;
        return result.Diagnostics.All(d =>
            d.Code.StartsWith("TF", StringComparison.Ordinal)
            && d.Message.Length > 0
            && d.Hint.Length > 0
            && d.Line >= 0 && d.Line <= lineCount + 1
            && d.Column >= 0);
    }

    [Property(Arbitrary = [typeof(Mutations)], MaxTest = 200)]
    public Property A_junk_key_beside_a_key_of_the_format_is_always_reported(Mutation mutation)
    {
        var original = Samples[0];
        var lines = original.Split('\n');
        var at = mutation.Line % lines.Length;
        var text = (mutation with { Kind = "junk-key", Junk = "1" }).Apply(original);

        // Beside a format key (not inside free-form extensions or properties, nor in a block of prose), the junk key
        // is an unknown key, or it breaks the YAML around it; either way it is an error on or next to its line.
        return Prop.When(
            IsFormatKey(lines, at),
            () => WorldLoader.LoadText(text).Diagnostics.Any(d =>
                d.IsError && d.Code is DiagnosticCodes.UnknownKey or DiagnosticCodes.Syntax && Math.Abs(d.Line - (at + 1)) <= 1));
    }

    private static bool IsFormatKey(string[] lines, int index)
    {
        if (!KeyLine.IsMatch(lines[index]) || lines[index].TrimStart().StartsWith('-'))
        {
            return false;
        }
        // Walk up through the enclosing keys: any free-form or prose parent disqualifies the line.
        var indent = Indent(lines[index]);
        for (var i = index - 1; i >= 0 && indent > 0; i--)
        {
            if (lines[i].Trim().Length == 0 || Indent(lines[i]) >= indent)
            {
                continue;
            }
            indent = Indent(lines[i]);
            var key = lines[i].TrimStart().TrimStart('-', ' ');
            if (key.StartsWith("extensions:", StringComparison.Ordinal) || key.StartsWith("properties:", StringComparison.Ordinal) || key.EndsWith('>') || key.EndsWith(">-", StringComparison.Ordinal) || key.EndsWith('|'))
            {
                return false;
            }
        }
        return true;
    }

    private static System.Text.RegularExpressions.Regex KeyLine { get; } = new("^\\s*[a-z_]+:( |$)");

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}

using FsCheck;
using FsCheck.Fluent;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Play;

namespace TaleForge.Engine.Tests;

/// <summary>Whatever a player types, in either language, the parser gives a result and never throws.</summary>
public sealed class PlayerInputFuzzTests
{
    private static readonly string[] Words =
    [
        "go", "north", "take", "the", "lantern", "say", "give", "to", "ask", "about", "look", "/undo", "/redo", "/save", "/load", "/help",
        "quit", "\"", "'", "/", "  ", "\t", "走", "拿", "说", "，", "。", "\u001b[2J", "\u202e", "\0", "\ud800", "🙂", "-", "=", ":", "#",
    ];

    private static Gen<string> Lines { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements(Words).ListOf().Select(w => string.Join(' ', w)),
        Gen.Elements(Words).ListOf().Select(w => string.Concat(w)));

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Any_line_parses_to_a_player_input(string language)
    {
        var parser = new PlayerInputParser(Phrasebook.For(language));
        var cases = 0;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(FuzzCases.Or(2000)), Prop.ForAll(Lines.ToArbitrary(), line =>
        {
            cases++;
            return parser.Parse(line) is not null;
        }));

        Assert.True(cases >= Math.Min(2000, FuzzCases.Or(2000)), $"{cases} cases tried");
    }
}

using FsCheck;
using FsCheck.Fluent;
using TaleForge.Core.Display;

namespace TaleForge.Core.Tests;

/// <summary>Text made safe for a terminal keeps what a reader sees and loses only what a terminal would obey.</summary>
public sealed class TerminalTextTests
{
    /// <summary>Strings rich in what matters here: escapes, CSI and OSC sequences, C1 controls, bidi overrides.</summary>
    private static Gen<string> Hostile { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.OneOf(
            Gen.Choose(0, 0x20).Select(c => ((char)c).ToString()),
            Gen.Choose(0x7F, 0x9F).Select(c => ((char)c).ToString()),
            Gen.Choose(0x202A, 0x202E).Select(c => ((char)c).ToString()),
            Gen.Choose(0x2066, 0x2069).Select(c => ((char)c).ToString()),
            Gen.Elements("\u001b]0;owned\u0007", "\u001b]52;c;ZXZpbA==\u001b\\", "\u001b[2J", "\u001b[31m", "\u009b31m", "\r\n", "a", "é", "名", "🙂", "\\u001B", " "))
            .ListOf().Select(parts => string.Concat(parts)));

    [Fact]
    public void No_control_character_or_bidi_override_survives_cleaning()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            var clean = TerminalText.Clean(text);
            return clean.Where((c, i) => TerminalText.IsUnsafe(c) && !(c == '\r' && i + 1 < clean.Length && clean[i + 1] == '\n')).Any() == false;
        }));
    }

    [Fact]
    public void Text_with_nothing_unsafe_is_left_as_it_is()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            var safe = new string([.. text.Where(c => !TerminalText.IsUnsafe(c))]);
            return ReferenceEquals(safe, TerminalText.Clean(safe)) || safe == TerminalText.Clean(safe);
        }));
    }

    [Fact]
    public void Cleaning_keeps_every_visible_character_in_order()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            var visible = text.Where(c => !TerminalText.IsUnsafe(c)).ToList();
            var clean = TerminalText.Clean(text);
            var at = 0;
            foreach (var c in clean)
            {
                if (at < visible.Count && c == visible[at])
                {
                    at++;
                }
            }
            return at == visible.Count;
        }));
    }

    [Theory]
    [InlineData("\u001b]0;owned\u0007", "\\u001B]0;owned\\u0007")]
    [InlineData("red \u001b[31mtext", "red \\u001B[31mtext")]
    [InlineData("C1 \u009b2J", "C1 \\u009B2J")]
    [InlineData("left \u202eright", "left \\u202Eright")]
    [InlineData("isolate \u2066x\u2069", "isolate \\u2066x\\u2069")]
    [InlineData("line\nnext\ttab", "line\nnext\ttab")]
    [InlineData("windows\r\nline", "windows\r\nline")]
    [InlineData("over\rwrite", "over\\u000Dwrite")]
    [InlineData("bell\u0007 del\u007f", "bell\\u0007 del\\u007F")]
    public void An_unsafe_character_is_shown_as_its_code(string text, string shown) => Assert.Equal(shown, TerminalText.Clean(text));

    [Fact]
    public void A_name_quoted_on_one_line_shows_its_newlines_and_tabs_as_codes() =>
        Assert.Equal("two\\u000Alines\\u0009tab\\u001B", TerminalText.OneLine("two\nlines\ttab\u001b"));
}

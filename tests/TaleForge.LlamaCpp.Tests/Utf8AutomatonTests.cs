using System.Text;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Tests;

public class Utf8AutomatonTests
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    public static byte[] Hex(string bytes) =>
        bytes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b => Convert.ToByte(b, 16)).ToArray();

    [Theory]
    [InlineData("C0 80")]          // overlong NUL, never a lead byte
    [InlineData("C1 81")]          // overlong 'A', which llama.cpp's grammar reads as 'A'
    [InlineData("F5 80 80 80")]    // would be above U+10FFFF
    [InlineData("F8 88 80 80 80")] // old five-byte form
    [InlineData("FE")]
    [InlineData("FF")]
    [InlineData("E0 80 80")]       // overlong three-byte forms
    [InlineData("E0 9F BF")]
    [InlineData("F0 80 80 80")]    // overlong four-byte forms
    [InlineData("F0 8F BF BF")]
    [InlineData("ED A0 80")]       // surrogates U+D800..U+DFFF
    [InlineData("ED BF BF")]
    [InlineData("F4 90 80 80")]    // U+110000
    [InlineData("80")]             // stray continuation bytes
    [InlineData("BF")]
    [InlineData("41 80")]
    [InlineData("E2 82 AC 80")]
    [InlineData("C3 41")]          // a character cut short by the next one
    [InlineData("E2 82 41")]
    [InlineData("F0 9F 90 F0 9F 90 89")]
    public void Each_kind_of_invalid_byte_sequence_is_refused(string hex)
    {
        var bytes = Hex(hex);
        Assert.Equal(Utf8State.Invalid, Utf8Automaton.Run(Utf8State.Complete, bytes));
        Assert.Throws<DecoderFallbackException>(() => Strict.GetString(bytes));
    }

    [Theory]
    [InlineData("00", "\0")]
    [InlineData("7F", "\u007F")]
    [InlineData("C2 80", "\u0080")]
    [InlineData("C3 A9", "é")]
    [InlineData("DF BF", "\u07FF")]
    [InlineData("E0 A0 80", "\u0800")]
    [InlineData("E2 82 AC", "€")]
    [InlineData("ED 9F BF", "\uD7FF")]
    [InlineData("EE 80 80", "\uE000")]
    [InlineData("EF BF BF", "\uFFFF")]
    [InlineData("F0 90 80 80", "\U00010000")]
    [InlineData("F0 9F 90 89", "🐉")]
    [InlineData("F4 8F BF BF", "\U0010FFFF")]
    public void Every_valid_character_of_one_to_four_bytes_ends_complete_and_no_earlier(string hex, string text)
    {
        var bytes = Hex(hex);
        Assert.Equal(text, Strict.GetString(bytes));
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var partial = Utf8Automaton.Run(Utf8State.Complete, bytes.AsSpan(0, cut));
            Assert.NotEqual(Utf8State.Invalid, partial);
            Assert.NotEqual(Utf8State.Complete, partial);
        }
        Assert.Equal(Utf8State.Complete, Utf8Automaton.Run(Utf8State.Complete, bytes));
    }

    [Fact]
    [Slow]
    public void The_automaton_agrees_with_the_strict_dotnet_decoder_on_a_hundred_thousand_random_byte_strings()
    {
        // Bytes near every boundary of the encoding, plus a few ordinary ones.
        byte[] interesting = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF];
        var random = new Random(7);
        var valid = 0;
        for (var i = 0; i < 100_000; i++)
        {
            // Half random bytes, half real text with at most one byte changed: both sides of every boundary.
            var bytes = i % 2 == 0 ? RandomBytes(random, interesting) : NearlyValidText(random, interesting);
            var accepted = Utf8Automaton.Run(Utf8State.Complete, bytes) == Utf8State.Complete;
            Assert.True(accepted == DecodesStrictly(bytes), Convert.ToHexString(bytes));
            valid += accepted ? 1 : 0;
        }
        Assert.InRange(valid, 10_000, 90_000);
    }

    private static byte[] RandomBytes(Random random, byte[] interesting)
    {
        var bytes = new byte[random.Next(1, 9)];
        for (var j = 0; j < bytes.Length; j++)
        {
            bytes[j] = random.Next(4) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
        }
        return bytes;
    }

    private static byte[] NearlyValidText(Random random, byte[] interesting)
    {
        var text = new StringBuilder();
        for (var j = random.Next(1, 4); j > 0; j--)
        {
            var scalar = random.Next(4) switch
            {
                0 => random.Next(0x80),
                1 => random.Next(0x80, 0x800),
                2 => random.Next(0x800, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            text.Append(Rune.IsValid(scalar) ? new Rune(scalar).ToString() : "x");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (random.Next(2) == 0)
        {
            bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
        }
        return random.Next(4) == 0 ? bytes[..random.Next(1, bytes.Length + 1)] : bytes;
    }

    private static bool DecodesStrictly(byte[] bytes)
    {
        try
        {
            Strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

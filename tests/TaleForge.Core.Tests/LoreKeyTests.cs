using TaleForge.Core.Definitions;

namespace TaleForge.Core.Tests;

public class LoreKeyTests
{
    [Theory]
    [InlineData("Marigold", "The Marigold is late.", true)]
    [InlineData("Marigold", "marigolds in the garden", false)]
    [InlineData("supply boat", "Where is the SUPPLY BOAT?", true)]
    [InlineData("茶印", "婆婆，茶印在哪里？", true)]
    [InlineData("茶印", "雨下得很大。", false)]
    public void A_word_key_matches_whole_words_or_anywhere_in_scripts_without_spaces(string word, string text, bool matches)
    {
        Assert.True(LoreKey.TryParse(word, out var key, out _));

        Assert.Equal(matches, key!.Matches(text));
        Assert.False(key.IsRegex);
    }

    [Fact]
    public void A_key_between_slashes_is_a_regular_expression()
    {
        Assert.True(LoreKey.TryParse("/lights? board/", out var key, out _));

        Assert.True(key!.IsRegex);
        Assert.Equal("lights? board", key.Pattern);
        Assert.True(key.Matches("the Lights Board wrote"));
        Assert.Equal("/lights? board/", key.ToString());
    }

    [Theory]
    [InlineData("/[a-/", "")]
    [InlineData("//", "the key is empty")]
    [InlineData("", "the key is empty")]
    public void A_key_that_cannot_be_used_is_refused_with_a_reason(string written, string reasonStart)
    {
        Assert.False(LoreKey.TryParse(written, out var key, out var error));

        Assert.Null(key);
        Assert.StartsWith(reasonStart, error);
        Assert.False(string.IsNullOrEmpty(error));
    }
}

using TaleForge.Tui.Story;

namespace TaleForge.Tui.Tests;

public sealed class DisplayWrapTests
{
    [Fact]
    public void English_wraps_at_spaces_within_the_width()
    {
        Assert.Equal(["the quick brown", "fox jumps"], DisplayWrap.Wrap("the quick brown fox jumps", 16));
    }

    [Fact]
    public void Chinese_counts_two_columns_a_character_and_breaks_between_characters()
    {
        var rows = DisplayWrap.Wrap("雨打在茶馆的窗上", 6);
        Assert.Equal(["雨打在", "茶馆的", "窗上"], rows);
        Assert.All(rows, r => Assert.True(DisplayWrap.Columns(r) <= 6));
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_row_alone()
    {
        var rows = DisplayWrap.Wrap("你好世界，再见", 8);
        Assert.All(rows, r => Assert.False(r.StartsWith('，'), string.Join('|', rows)));
        Assert.Equal("你好世界，再见", string.Concat(rows));
        Assert.All(rows, r => Assert.True(DisplayWrap.Columns(r) <= 8));
    }

    [Fact]
    public void A_word_longer_than_the_row_is_cut_where_the_row_ends()
    {
        Assert.Equal(["abcde", "fgh"], DisplayWrap.Wrap("abcdefgh", 5));
    }
}

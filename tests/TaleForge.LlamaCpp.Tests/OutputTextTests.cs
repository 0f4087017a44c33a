using System.Text;
using TaleForge.LlamaCpp.Batching;

namespace TaleForge.LlamaCpp.Tests;

public class OutputTextTests
{
    [Fact]
    public void A_character_split_across_tokens_is_shown_only_once_complete()
    {
        var output = new OutputText([]);
        var dragon = Encoding.UTF8.GetBytes("🐉");
        Assert.Equal("", output.Append(dragon.AsSpan(0, 1)).Text);
        Assert.Equal("", output.Append(dragon.AsSpan(1, 2)).Text);
        Assert.Equal("🐉", output.Append(dragon.AsSpan(3, 1)).Text);
        Assert.Equal("é!", output.Append(Encoding.UTF8.GetBytes("é!")).Text);
        Assert.Equal("🐉é!", output.Text);
    }

    [Fact]
    public void Text_that_may_begin_a_stop_string_is_held_back_until_decided()
    {
        var output = new OutputText(["</end>"]);
        Assert.Equal("Hello ", output.Append("Hello </"u8).Text);
        Assert.Equal("</ok", output.Append("ok"u8).Text);
        var (text, stopped) = output.Append(" bye</end> ignored"u8);
        Assert.True(stopped);
        Assert.Equal(" bye", text);
        Assert.Equal("Hello </ok bye", output.Text);
    }

    [Fact]
    public void A_held_back_tail_is_released_when_generation_ends_without_the_stop_string()
    {
        var output = new OutputText(["STOP"]);
        Assert.Equal("go ", output.Append("go ST"u8).Text);
        Assert.Equal("ST", output.Flush());
    }

    [Fact]
    public void A_character_cut_off_by_the_end_of_generation_is_dropped_not_replaced()
    {
        var output = new OutputText([]);
        var dragon = Encoding.UTF8.GetBytes("🐉");
        Assert.Equal("a", output.Append([(byte)'a', dragon[0], dragon[1]]).Text);
        Assert.Equal("", output.Flush());
        Assert.Equal("a", output.Text);
    }
}

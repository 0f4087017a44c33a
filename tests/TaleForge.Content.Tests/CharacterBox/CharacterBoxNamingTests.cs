using TaleForge.Content.Importers.CharacterBox;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>How titles and names become ids, genders pronouns, and quoted lines plain speech.</summary>
public class CharacterBoxNamingTests
{
    [Theory]
    [InlineData("Salt_and_Lanterns", "salt-and-lanterns")]
    [InlineData("The Keeper's Daughter", "the-keepers-daughter")]
    [InlineData("Café Noir: Part II", "cafe-noir-part-ii")]
    [InlineData("Straße & Søren", "strasse-soren")]
    [InlineData("ÉLODIE Þórsdóttir", "elodie-thorsdottir")]
    [InlineData("  --Mr. Dursley--  ", "mr-dursley")]
    [InlineData("Harry Potter 哈利", "harry-potter")]
    [InlineData("红楼梦", "")]
    [InlineData("0", "0")]
    public void Titles_and_names_become_lowercase_ascii_ids(string text, string id)
    {
        Assert.Equal(id, AsciiId.Slug(text));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_boundary()
    {
        var id = AsciiId.Slug("The Extraordinarily Long and Winding History of the Lighthouse Keepers of Port Wren");

        Assert.Equal("the-extraordinarily-long-and-winding-history-of", id);
        Assert.True(id.Length <= AsciiId.MaxLength);
    }

    [Theory]
    [InlineData("Male", "en", "he/him")]
    [InlineData(" female ", "en", "she/her")]
    [InlineData("Unknown", "en", "they/them")]
    [InlineData("Mixed", "en", "they/them")]
    [InlineData(null, "en", "they/them")]
    [InlineData("男", "zh", "他")]
    [InlineData("女", "zh", "她")]
    [InlineData("无", "zh", "TA")]
    public void Pronouns_come_from_gender_only_where_it_is_clear(string? gender, string language, string pronouns)
    {
        Assert.Equal(pronouns, Pronouns.For(gender, language));
    }

    [Theory]
    [InlineData("“We should proceed with caution.”", "We should proceed with caution.")]
    [InlineData("「宝兄弟，别生气。」", "宝兄弟，别生气。")]
    [InlineData("\"Quiet.\"", "Quiet.")]
    [InlineData("\"Run,\" she said, \"now.\"", "\"Run,\" she said, \"now.\"")]
    [InlineData("No quotes at all.", "No quotes at all.")]
    [InlineData("None", null)]
    [InlineData("没有", null)]
    public void A_line_loses_one_pair_of_enclosing_quotation_marks_and_a_word_for_silence_is_no_line(string written, string? line)
    {
        Assert.Equal(line, Dialogue.Line(written));
    }
}

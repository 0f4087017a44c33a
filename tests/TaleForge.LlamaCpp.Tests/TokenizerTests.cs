namespace TaleForge.LlamaCpp.Tests;

[NeedsNativeLibrary]
public class TokenizerTests
{
    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Crème brûlée à la façon de Zoë, naïve señor")]
    [InlineData("Dragons 🐉 and 🧙‍♂️ wizards, flags 🇫🇷")]
    [InlineData("勇者は剣を抜いた。龙与地下城，용과 던전")]
    [InlineData("  spaces\tand\nnewlines \r\n")]
    public void Tokenizing_then_detokenizing_gives_back_the_same_text(string text)
    {
        var model = TestModels.Tiny;
        var tokens = model.Tokenize(text);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.InRange(t, 0, model.VocabularySize - 1));
        Assert.Equal(text, model.Detokenize(tokens));
    }

    [Fact]
    public void Common_pairs_merge_into_single_tokens()
    {
        var model = TestModels.Tiny;
        Assert.True(model.Tokenize(" the end").Length < " the end".Length);
    }

    [Fact]
    public void Chat_markers_become_single_control_tokens_only_when_special_parsing_is_on()
    {
        var model = TestModels.Tiny;
        // The vocabulary lists its control tokens in a row: end of text, <|im_start|>, <|im_end|>.
        var start = Assert.Single(model.Tokenize("<|im_start|>", parseSpecial: true));
        var end = Assert.Single(model.Tokenize("<|im_end|>", parseSpecial: true));
        Assert.Equal(end - 1, start);
        Assert.True(model.IsEndOfGeneration(end));
        Assert.False(model.IsEndOfGeneration(start));
        var plain = model.Tokenize("<|im_start|>", parseSpecial: false);
        Assert.True(plain.Length > 1);
        Assert.Equal("<|im_start|>", model.Detokenize(plain));
        Assert.True(model.IsEndOfGeneration(model.Tokenize("<|im_end|>", parseSpecial: true)[0]));
    }

    [Fact]
    public void A_token_id_outside_the_vocabulary_is_rejected_before_llama_sees_it()
    {
        var model = TestModels.Tiny;
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TokenBytes(model.VocabularySize));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TokenBytes(-1));
    }
}

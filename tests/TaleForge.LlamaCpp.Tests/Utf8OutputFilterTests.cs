using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.Native;
using TaleForge.LlamaCpp.Sampling;
using static TaleForge.LlamaCpp.Tests.Utf8AutomatonTests;

namespace TaleForge.LlamaCpp.Tests;

public unsafe class Utf8OutputFilterTests
{
    private const int EndOfText = 9;
    private const int ImStart = 10;

    /// <summary>A hand-made vocabulary: whole characters, pieces of characters, and pieces that are never valid.</summary>
    private static readonly byte[][] Vocabulary =
    [
        Hex("61"),          // 0  "a"
        Hex("E2"),          // 1  first byte of €
        Hex("82"),          // 2  continuation
        Hex("AC"),          // 3  continuation
        Hex("E2 82"),       // 4  € without its last byte
        Hex("AC 21"),       // 5  end of € then "!"
        Hex("F0 9F"),       // 6  first half of 🐉
        Hex("90 89"),       // 7  second half of 🐉
        Hex("C1 81"),       // 8  overlong "A"
        [],                 // 9  end of text
        [],                 // 10 a control token that shows nothing
        Hex("ED A0"),       // 11 start of a surrogate
        Hex("F4 90"),       // 12 start of a code point above U+10FFFF
        Hex("E0 80"),       // 13 start of an overlong form
        Hex("C3"),          // 14 first byte of é
        Hex("A9 C3"),       // 15 end of é, start of another
        Hex("FF"),          // 16 never in UTF-8
    ];

    private static Utf8TokenTable Table() => Utf8TokenTable.Build(Vocabulary.Length, t => Vocabulary[t], t => t == EndOfText);

    /// <summary>The tokens <paramref name="filter"/> masks, from candidates in id order or shuffled.</summary>
    private static int[] Masked(Utf8OutputFilter filter, bool shuffled = false)
    {
        var candidates = Enumerable.Range(0, Vocabulary.Length).Select(t => new LlamaTokenData { Id = t, Logit = t * 0.1f }).ToArray();
        if (shuffled)
        {
            new Random(3).Shuffle(candidates);
        }
        var count = filter.Apply(candidates);
        var masked = candidates.Where(c => float.IsNegativeInfinity(c.Logit)).Select(c => c.Id).Order().ToArray();
        Assert.Equal(masked.Length, count);
        return masked;
    }

    [Fact]
    public void With_nothing_pending_only_tokens_that_cannot_begin_text_are_masked_in_either_candidate_order()
    {
        var filter = new Utf8OutputFilter(Table());
        int[] expected = [2, 3, 5, 7, 8, 11, 12, 13, 15, 16];
        Assert.Equal(expected, Table().RefusedAtStart.ToArray());
        Assert.Equal(expected, Masked(filter));
        Assert.Equal(expected, Masked(filter, shuffled: true));
    }

    [Fact]
    public void A_three_byte_character_split_over_three_tokens_is_accepted_piece_by_piece()
    {
        var filter = new Utf8OutputFilter(Table());
        filter.Accept(1);
        Assert.Equal(Utf8State.NeedsTwo, filter.State);
        // After E2: one continuation (82, AC) or two (90 89); a control token showing nothing; nothing else.
        Assert.Equal(Allowing(2, 3, 7, ImStart), Masked(filter));
        Assert.Equal(Allowing(2, 3, 7, ImStart), Masked(filter, shuffled: true));
        filter.Accept(2);
        Assert.Equal(Utf8State.NeedsOne, filter.State);
        Assert.Equal(Allowing(2, 3, 5, 15, ImStart), Masked(filter));
        filter.Accept(3);
        Assert.Equal(Utf8State.Complete, filter.State);
    }

    [Fact]
    public void A_four_byte_character_split_over_two_tokens_and_a_token_ending_mid_character_are_accepted()
    {
        var filter = new Utf8OutputFilter(Table());
        filter.Accept(6);
        Assert.Equal(Utf8State.NeedsTwo, filter.State);
        Assert.Equal(Allowing(2, 3, 7, ImStart), Masked(filter));
        filter.Accept(7);
        Assert.Equal(Utf8State.Complete, filter.State);
        filter.Accept(4);
        Assert.Equal(Utf8State.NeedsOne, filter.State);
        filter.Accept(15);
        Assert.Equal(Utf8State.NeedsOne, filter.State);
        filter.Accept(5);
        Assert.Equal(Utf8State.Complete, filter.State);
    }

    [Fact]
    public void End_of_generation_is_masked_only_while_a_character_is_pending()
    {
        var filter = new Utf8OutputFilter(Table());
        Assert.DoesNotContain(EndOfText, Masked(filter));
        filter.Accept(14);
        Assert.Contains(EndOfText, Masked(filter));
        filter.Accept(15);
        Assert.Contains(EndOfText, Masked(filter));
        filter.Accept(3);
        Assert.DoesNotContain(EndOfText, Masked(filter));
    }

    [Fact]
    public void A_vocabulary_that_cannot_finish_a_character_never_starts_one()
    {
        byte[][] vocabulary = [Hex("61"), Hex("C3"), Hex("E2 82"), Hex("82"), []];
        var table = Utf8TokenTable.Build(vocabulary.Length, t => vocabulary[t], t => t == 4);
        // C3 and E2 82 each need one continuation byte, and 82 is one.
        Assert.Equal([3], table.RefusedAtStart.ToArray());
        // Without it, both would start a character nothing can finish.
        byte[][] noContinuations = [Hex("61"), Hex("C3"), Hex("E2 82"), []];
        var stuck = Utf8TokenTable.Build(noContinuations.Length, t => noContinuations[t], t => t == 3);
        Assert.Equal([1, 2], stuck.RefusedAtStart.ToArray());
    }

    [Fact]
    public void A_token_that_was_masked_but_sampled_anyway_starts_the_state_afresh()
    {
        var filter = new Utf8OutputFilter(Table());
        filter.Accept(14);
        filter.Accept(0);
        Assert.Equal(Utf8State.Complete, filter.State);
    }

    [Fact]
    [NeedsNativeLibrary]
    public void Through_llama_cpp_the_sampler_masks_keeps_state_on_accept_copies_it_on_clone_and_clears_it_on_reset()
    {
        NativeLibraryLoader.EnsureLoaded();
        var sampler = ValidUtf8Sampler.Create(Table());
        var clone = IntPtr.Zero;
        try
        {
            LlamaApi.SamplerAccept(sampler, 1);
            clone = LlamaApi.SamplerClone(sampler);
            Assert.Equal(Utf8State.NeedsTwo, ValidUtf8Sampler.FilterOf(clone).State);
            Assert.Equal(Allowing(2, 3, 7, ImStart), MaskedByNative(clone, sorted: true, out var stillSorted));
            Assert.False(stillSorted);

            LlamaApi.SamplerAccept(clone, 7);
            Assert.Equal(Utf8State.Complete, ValidUtf8Sampler.FilterOf(clone).State);
            Assert.Equal(Utf8State.NeedsTwo, ValidUtf8Sampler.FilterOf(sampler).State);

            LlamaApi.SamplerReset(sampler);
            Assert.Equal(Utf8State.Complete, ValidUtf8Sampler.FilterOf(sampler).State);
            Assert.Equal([2, 3, 5, 7, 8, 11, 12, 13, 15, 16], MaskedByNative(sampler, sorted: false, out _));
        }
        finally
        {
            LlamaApi.SamplerFree(sampler);
            LlamaApi.SamplerFree(clone);
        }
    }

    private static int[] MaskedByNative(IntPtr sampler, bool sorted, out bool stillSorted)
    {
        var candidates = Enumerable.Range(0, Vocabulary.Length).Select(t => new LlamaTokenData { Id = t, Logit = 1f }).ToArray();
        fixed (LlamaTokenData* data = candidates)
        {
            var array = new LlamaTokenDataArray { Data = data, Size = (nuint)candidates.Length, Selected = -1, Sorted = sorted };
            LlamaApi.SamplerApply(sampler, &array);
            stillSorted = array.Sorted;
        }
        return candidates.Where(c => float.IsNegativeInfinity(c.Logit)).Select(c => c.Id).ToArray();
    }

    private static int[] Allowing(params int[] allowed) =>
        Enumerable.Range(0, Vocabulary.Length).Except(allowed).ToArray();
}

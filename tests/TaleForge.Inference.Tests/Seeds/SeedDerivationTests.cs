using System.Numerics;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Seeds;

namespace TaleForge.Inference.Tests.Seeds;

public class SeedDerivationTests
{
    // Computed once, and checked against a separate implementation of the documented steps. A change here
    // changes the seed of every recorded call: it must never happen silently.
    [Theory]
    [InlineData(0L, 0L, "", 579866516L)]
    [InlineData(42L, 0L, "narrator.influence", 1236593070L)]
    [InlineData(42L, 1L, "narrator.influence", 1433567963L)]
    [InlineData(42L, 1L, "character.alice.action", 1282695467L)]
    [InlineData(-7L, 123456789L, "角色.爱丽丝", 1678081868L)]
    [InlineData(long.MaxValue, long.MaxValue, "judge", 649617746L)]
    public void Derived_seeds_are_stable_across_runs_and_machines(long episodeSeed, long eventIndex, string role, long expected)
    {
        Assert.Equal(expected, SeedDerivation.Derive(episodeSeed, eventIndex, role));
    }

    [Fact]
    public void A_re_ask_mixes_its_attempt_number_into_the_role()
    {
        Assert.Equal(1282695467L, SeedDerivation.Derive(42, new ModelCallContext("character.alice.action", 1)));
        Assert.Equal(3825551026L, SeedDerivation.Derive(42, new ModelCallContext("character.alice.action", 1, attempt: 2)));
        Assert.Equal(SeedDerivation.Derive(42, 1, "character.alice.action#2"), SeedDerivation.Derive(42, new ModelCallContext("character.alice.action", 1, 2)));
    }

    [Fact]
    public void Seeds_spread_over_the_32_bit_range_without_collisions_or_bias()
    {
        string[] roles = ["narrator.influence", "narrator.result", "character.alice.action", "character.bob.action", "judge"];
        var seeds = (from eventIndex in Enumerable.Range(0, 20_000) from role in roles select SeedDerivation.Derive(7, eventIndex, role)).ToList();

        Assert.All(seeds, seed => Assert.InRange(seed, 0, SeedDerivation.MaxSeed));
        // 100,000 draws from 2^32 values collide about once by chance.
        Assert.InRange(seeds.Count - seeds.Distinct().Count(), 0, 5);
        for (var bit = 0; bit < 32; bit++)
        {
            var share = seeds.Count(seed => (seed >> bit & 1) == 1) / (double)seeds.Count;
            Assert.InRange(share, 0.49, 0.51);
        }
    }

    [Fact]
    public void Neighbouring_events_and_episodes_give_unrelated_seeds()
    {
        var eventFlips = Enumerable.Range(0, 5000).Select(i =>
            BitOperations.PopCount((ulong)(SeedDerivation.Derive(1, i, "judge") ^ SeedDerivation.Derive(1, i + 1, "judge"))));
        var episodeFlips = Enumerable.Range(0, 5000).Select(i =>
            BitOperations.PopCount((ulong)(SeedDerivation.Derive(i, 3, "judge") ^ SeedDerivation.Derive(i + 1, 3, "judge"))));

        // Unrelated 32-bit values differ in 16 bits on average.
        Assert.InRange(eventFlips.Average(), 15.5, 16.5);
        Assert.InRange(episodeFlips.Average(), 15.5, 16.5);
        Assert.NotEqual(SeedDerivation.Derive(1, 0, "Narrator"), SeedDerivation.Derive(1, 0, "narrator"));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SeedDerivation.Derive(1, 0, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedDerivation.Derive(1, -1, "judge"));
    }
}

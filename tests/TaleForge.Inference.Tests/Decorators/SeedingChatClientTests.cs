using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Decorators;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Seeds;

namespace TaleForge.Inference.Tests.Decorators;

public class SeedingChatClientTests
{
    private static CallbackChatClient Echo() => new((_, options) => $"{options?.Seed}");

    [Fact]
    public async Task A_call_without_a_seed_gets_the_derived_one_on_a_copy_of_its_options()
    {
        var inner = Echo();
        var client = new SeedingChatClient(inner, (messages, _) => messages.Count() * 100L);
        var options = new ChatOptions { Temperature = 0.7f };

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "a"), new ChatMessage(ChatRole.User, "b")], options);

        Assert.Equal("200", response.Text);
        Assert.Null(options.Seed);
        Assert.NotSame(options, inner.Calls[0].Options);
        Assert.Equal(0.7f, inner.Calls[0].Options!.Temperature);
    }

    [Fact]
    public async Task A_seed_the_caller_set_is_kept()
    {
        var client = new SeedingChatClient(Echo(), (_, _) => 1);

        Assert.Equal("9", (await client.GetResponseAsync("x", new ChatOptions { Seed = 9 })).Text);
    }

    [Fact]
    public async Task A_derivation_that_gives_no_seed_leaves_the_call_unseeded()
    {
        var inner = Echo();
        var client = new SeedingChatClient(inner, (_, _) => null);

        Assert.Equal("", (await client.GetResponseAsync("x")).Text);
        Assert.Null(inner.Calls[0].Options);
    }

    [Fact]
    public async Task Episode_seeding_derives_from_the_call_context_and_streams_too()
    {
        using var client = Echo().AsBuilder().UseEpisodeSeeding(42).Build();
        var context = new ModelCallContext("character.alice.action", 1);

        var plain = await client.GetResponseAsync("x", new ChatOptions().WithCallContext(context));
        var retry = await client.GetResponseAsync("x", new ChatOptions().WithCallContext(context with { Attempt = 2 }));
        var streamed = (await client.GetStreamingResponseAsync("x", new ChatOptions().WithCallContext(context)).ToListAsync()).ToChatResponse();
        var anonymous = await client.GetResponseAsync("x");

        Assert.Equal("1282695467", plain.Text);
        Assert.Equal("3825551026", retry.Text);
        Assert.Equal("1282695467", streamed.Text);
        Assert.Equal(SeedDerivation.Derive(42, 0, "").ToString(System.Globalization.CultureInfo.InvariantCulture), anonymous.Text);
    }

    [Fact]
    public void Missing_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new SeedingChatClient(Echo(), null!));
        Assert.Throws<ArgumentNullException>(() => new ChatClientBuilder(Echo()).UseSeeding(null!));
    }
}

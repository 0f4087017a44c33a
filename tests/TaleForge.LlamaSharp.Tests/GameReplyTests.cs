using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Inference.Structured;
using TaleForge.LlamaSharp.Chat;

namespace TaleForge.LlamaSharp.Tests;

/// <summary>The replies a scene asks of its models, each read and checked by the engine's own typed request, on the first attempt.</summary>
[NeedsNativeLibrary]
[Slow]
public class GameReplyTests
{
    [Fact]
    public async Task Every_reply_type_of_a_scene_is_accepted_on_the_first_attempt_over_several_seeds()
    {
        using var client = await TinyClient.LoadAsync(contextSize: 4096);
        for (var seed = 0; seed < 3; seed++)
        {
            await AssertAcceptedAsync<TurnReply>(client, seed);
            await AssertAcceptedAsync<ReactionReply>(client, seed);
            await AssertAcceptedAsync<BeliefReply>(client, seed);
            await AssertAcceptedAsync<ReflectionReply>(client, seed);
            await AssertAcceptedAsync<InfluenceReply>(client, seed);
            await AssertAcceptedAsync<ResultReply>(client, seed);
            await AssertAcceptedAsync<UpdatesReply>(client, seed);
            await AssertAcceptedAsync<SummaryReply>(client, seed);
        }
    }

    private static async Task AssertAcceptedAsync<T>(LlamaSharpChatClient client, int seed)
    {
        var request = new TypedRequest<T>(client, new TypedRequestOptions { MaxAttempts = 1 });
        var result = await request.SendAsync(TinyClient.Ask("What do you do next?"), new ChatOptions { Seed = seed, Temperature = 0.8f, MaxOutputTokens = 3000 });
        Assert.True(result.Succeeded, $"{typeof(T).Name}, seed {seed}: {result.Error}");
        Assert.NotNull(result.Value);
        Assert.True(result.OutputTokens > 0);
    }
}

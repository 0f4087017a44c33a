using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;

namespace TaleForge.Inference.Tests.Decorators;

public class ChatOptionsCallContextTests
{
    [Fact]
    public void A_context_travels_in_a_copy_of_the_options_and_leaves_the_original_alone()
    {
        var original = new ChatOptions { Seed = 3, AdditionalProperties = new() { ["other"] = 1 } };
        var context = new ModelCallContext("judge", 4);

        var tagged = original.WithCallContext(context);

        Assert.Equal(context, tagged.GetCallContext());
        Assert.Equal((3L, 1), (tagged.Seed!.Value, tagged.AdditionalProperties!["other"]));
        Assert.Null(original.GetCallContext());
        Assert.False(original.AdditionalProperties.ContainsKey(ChatOptionsCallContext.Key));
        Assert.Null(((ChatOptions?)null).GetCallContext());
        Assert.Equal(context, ((ChatOptions?)null).WithCallContext(context).GetCallContext());
    }

    [Fact]
    public void A_context_needs_a_role_a_non_negative_event_and_an_attempt_from_one()
    {
        Assert.Throws<ArgumentException>(() => new ModelCallContext(" ", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCallContext("judge", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCallContext("judge", 0, attempt: 0));
    }
}

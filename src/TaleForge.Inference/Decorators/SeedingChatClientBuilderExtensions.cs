using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Seeds;

namespace TaleForge.Inference.Decorators;

public static class SeedingChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="SeedingChatClient"/> with a custom derivation.</summary>
    public static ChatClientBuilder UseSeeding(
        this ChatClientBuilder builder, Func<IEnumerable<ChatMessage>, ChatOptions?, long?> deriveSeed)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(deriveSeed);
        return builder.Use(inner => new SeedingChatClient(inner, deriveSeed));
    }

    /// <summary>
    /// Adds a <see cref="SeedingChatClient"/> that derives each seed from <paramref name="episodeSeed"/> and the
    /// call's <see cref="ModelCallContext"/> with <see cref="SeedDerivation.Derive(long, ModelCallContext)"/>.
    /// A call without a context gets the seed of role "" at event 0. Add it before <c>UseRecording</c> so that
    /// records show the seed that was used.
    /// </summary>
    public static ChatClientBuilder UseEpisodeSeeding(this ChatClientBuilder builder, long episodeSeed)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSeeding((_, options) => options.GetCallContext() is { } context
            ? SeedDerivation.Derive(episodeSeed, context)
            : SeedDerivation.Derive(episodeSeed, 0, ""));
    }
}

using Microsoft.Extensions.AI;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Grammar;

namespace TaleForge.Testing;

/// <summary>
/// A stand-in for a random-weight model: answers every request with text generated at random from the grammar
/// of its response format, seeded by the request's seed, as a grammar-constrained sampler would. Nothing here
/// knows the game; if the engine can play with this, it can play with any model whose output parses.
/// </summary>
public static class GrammarModel
{
    /// <param name="seedOffset">Shifts every seed: another "model" whose replies differ from the default one's.</param>
    public static CallbackChatClient Create(int seedOffset = 0) => new((messages, options) =>
    {
        var grammar = JsonSchemaGrammar.ForResponseFormat(options?.ResponseFormat)
            ?? throw new InvalidOperationException("Every engine call must name a response format.");
        return GbnfGrammar.Parse(grammar).Generate(new Random((int)(options!.Seed ?? 0) + seedOffset), maxDepth: 12);
    })
    { ModelId = "grammar-model" };
}

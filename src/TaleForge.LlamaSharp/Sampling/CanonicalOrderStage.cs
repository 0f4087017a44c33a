using LLama.Native;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaSharp.Sampling;

/// <summary>
/// Our canonical order (<see cref="CanonicalOrderSampler"/>) as a stage of LLamaSharp's chain: candidates in token-id
/// order just before the seeded draw, so a logit moving in its last bits cannot swap two near-tied candidates.
/// </summary>
internal sealed class CanonicalOrderStage : ICustomSampler
{
    public string Name => "taleforge-canonical-order";

    public void Apply(ref LLamaTokenDataArrayNative tokenData)
    {
        if (CanonicalOrderSampler.Order(Candidates.Of(ref tokenData)))
        {
            tokenData.Sorted = false;
            tokenData.Selected = -1;
        }
    }

    public void Accept(LLamaToken token)
    {
    }

    public void Reset()
    {
    }

    public ICustomSampler Clone() => new CanonicalOrderStage();

    public void Dispose()
    {
    }
}

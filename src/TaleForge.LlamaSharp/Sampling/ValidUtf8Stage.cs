using LLama.Native;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaSharp.Sampling;

/// <summary>
/// Our valid-UTF-8 filter (<see cref="Utf8OutputFilter"/>) as a stage of LLamaSharp's sampler chain: masks every
/// candidate whose bytes would make the output invalid UTF-8, which llama.cpp's grammar engine alone lets through.
/// </summary>
internal sealed class ValidUtf8Stage(Utf8OutputFilter filter) : ICustomSampler
{
    public string Name => "taleforge-valid-utf8";

    public void Apply(ref LLamaTokenDataArrayNative tokenData)
    {
        if (filter.Apply(Candidates.Of(ref tokenData)) > 0)
        {
            // Masking inside a list sorted by logit would break its order.
            tokenData.Sorted = false;
        }
    }

    public void Accept(LLamaToken token) => filter.Accept((int)token);

    public void Reset() => filter.Reset();

    public ICustomSampler Clone() => new ValidUtf8Stage(filter.Clone());

    public void Dispose()
    {
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LLama.Native;
using OurTokenData = TaleForge.LlamaCpp.Native.LlamaTokenData;

namespace TaleForge.LlamaSharp.Sampling;

/// <summary>
/// LLamaSharp's candidates seen as ours: both mirror llama.cpp's <c>llama_token_data</c> (id, logit, p; 12 bytes),
/// so our managed samplers work on LLamaSharp's array in place, without a copy.
/// </summary>
internal static class Candidates
{
    static Candidates()
    {
        if (Unsafe.SizeOf<LLamaTokenData>() != Unsafe.SizeOf<OurTokenData>())
        {
            throw new InvalidOperationException($"LLamaSharp's LLamaTokenData has {Unsafe.SizeOf<LLamaTokenData>()} bytes, ours {Unsafe.SizeOf<OurTokenData>()}: this LLamaSharp release does not fit this adapter.");
        }
    }

    public static Span<OurTokenData> Of(ref LLamaTokenDataArrayNative candidates) =>
        MemoryMarshal.Cast<LLamaTokenData, OurTokenData>(candidates.Data);
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>
/// Puts the surviving candidates in token-id order just before the seeded draw. llama.cpp's CPU kernels round
/// differently when a decode holds one token or several, so a logit can move in its last bits when other requests
/// share the step; if two candidates were nearly tied, their order by logit would swap and the same random number
/// would pick the other one. Ordered by id, the draw only changes if it lands within such a rounding of a boundary,
/// which keeps a seed's output the same alone or batched. The candidates' distribution is unchanged.
/// </summary>
internal static unsafe class CanonicalOrderSampler
{
    // Above this many candidates (no top-k or top-p cut) sorting would cost more than it is worth.
    private const int MaxCandidates = 4096;

    private static readonly LlamaSamplerInterface* _interface = CreateInterface();
    private static readonly byte* _name = (byte*)Marshal.StringToCoTaskMemUTF8("taleforge-canonical-order");

    /// <summary>A new sampler instance; the chain it is added to owns it.</summary>
    public static IntPtr Create() => LlamaApi.SamplerInit(_interface, IntPtr.Zero);

    private static LlamaSamplerInterface* CreateInterface()
    {
        // Lives for the whole process: every instance points at it.
        var table = (LlamaSamplerInterface*)NativeMemory.AllocZeroed((nuint)sizeof(LlamaSamplerInterface));
        table->Name = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*>)&Name;
        table->Apply = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, LlamaTokenDataArray*, void>)&Apply;
        return table;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* Name(IntPtr sampler) => _name;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Apply(IntPtr sampler, LlamaTokenDataArray* candidates)
    {
        var size = (int)Math.Min(candidates->Size, int.MaxValue);
        if (Order(new Span<LlamaTokenData>(candidates->Data, size)))
        {
            candidates->Sorted = false;
            candidates->Selected = -1;
        }
    }

    /// <summary>Sorts <paramref name="candidates"/> by token id; false when left as they were (too few or too many).</summary>
    internal static bool Order(Span<LlamaTokenData> candidates)
    {
        if (candidates.Length < 2 || candidates.Length > MaxCandidates)
        {
            return false;
        }
        candidates.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return true;
    }
}

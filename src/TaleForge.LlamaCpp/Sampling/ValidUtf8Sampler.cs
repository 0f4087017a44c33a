using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>
/// Masks every candidate whose bytes would make the output invalid UTF-8 (see <see cref="Utf8OutputFilter"/>).
/// llama.cpp's grammar engine decodes UTF-8 loosely (C1 81 reads as 'A', F5 80 80 80 as a code point above
/// U+10FFFF), so a grammar alone lets such bytes through and .NET turns them into U+FFFD. Each instance holds its
/// sequence's state through a GCHandle that <c>free</c> releases; <c>clone</c> copies the state.
/// </summary>
internal static unsafe class ValidUtf8Sampler
{
    private static readonly LlamaSamplerInterface* Interface = CreateInterface();
    private static readonly byte* NameText = (byte*)Marshal.StringToCoTaskMemUTF8("taleforge-valid-utf8");

    /// <summary>A new sampler instance with nothing generated yet; the chain it is added to owns it.</summary>
    public static IntPtr Create(Utf8TokenTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Create(new Utf8OutputFilter(table));
    }

    /// <summary>Whether <paramref name="sampler"/> is an instance of this sampler.</summary>
    public static bool IsInstance(IntPtr sampler) => sampler != IntPtr.Zero && ((LlamaSampler*)sampler)->Iface == (IntPtr)Interface;

    /// <summary>The filter behind an instance of this sampler.</summary>
    internal static Utf8OutputFilter FilterOf(IntPtr sampler) =>
        (Utf8OutputFilter)GCHandle.FromIntPtr(((LlamaSampler*)sampler)->Ctx).Target!;

    private static IntPtr Create(Utf8OutputFilter filter)
    {
        var handle = GCHandle.Alloc(filter);
        var sampler = LlamaApi.SamplerInit(Interface, GCHandle.ToIntPtr(handle));
        if (sampler == IntPtr.Zero)
        {
            handle.Free();
        }
        return sampler;
    }

    private static LlamaSamplerInterface* CreateInterface()
    {
        // Lives for the whole process: every instance points at it.
        var table = (LlamaSamplerInterface*)NativeMemory.AllocZeroed((nuint)sizeof(LlamaSamplerInterface));
        table->Name = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*>)&Name;
        table->Accept = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, int, void>)&Accept;
        table->Apply = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, LlamaTokenDataArray*, void>)&Apply;
        table->Reset = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, void>)&Reset;
        table->Clone = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)&Clone;
        table->Free = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, void>)&Free;
        return table;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* Name(IntPtr sampler) => NameText;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Accept(IntPtr sampler, int token) => FilterOf(sampler).Accept(token);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Apply(IntPtr sampler, LlamaTokenDataArray* candidates)
    {
        var size = (int)Math.Min(candidates->Size, int.MaxValue);
        if (FilterOf(sampler).Apply(new Span<LlamaTokenData>(candidates->Data, size)) > 0)
        {
            // Masking inside a list sorted by logit would break its order.
            candidates->Sorted = false;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Reset(IntPtr sampler) => FilterOf(sampler).Reset();

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static IntPtr Clone(IntPtr sampler) => Create(FilterOf(sampler).Clone());

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(IntPtr sampler)
    {
        var state = (LlamaSampler*)sampler;
        if (state->Ctx != IntPtr.Zero)
        {
            GCHandle.FromIntPtr(state->Ctx).Free();
            state->Ctx = IntPtr.Zero;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// The flag llama.cpp polls between graph nodes (hundreds of times per token) to abort a running decode. A managed
/// callback would cost a native-to-managed transition per poll, so the callback is libc's <c>strlen</c> on a
/// zero-terminated one-byte string: length 0 reads as false, length 1 as true (a C bool is the low byte of the
/// same return register on x86-64 and arm64). A managed callback is the fallback when <c>strlen</c> is not found.
/// </summary>
internal sealed unsafe class AbortFlag : IDisposable
{
    private static readonly IntPtr _strlen = FindStrlen();
    private readonly byte* _bytes = (byte*)NativeMemory.AllocZeroed(2);

    /// <summary>The function pointer to give llama.cpp as its abort callback.</summary>
    public IntPtr Callback => _strlen != IntPtr.Zero ? _strlen : (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte>)&Read;

    /// <summary>The data pointer to pass with <see cref="Callback"/>.</summary>
    public IntPtr Data => (IntPtr)_bytes;

    public void Set() => Volatile.Write(ref _bytes[0], 1);

    public void Clear() => Volatile.Write(ref _bytes[0], 0);

    public void Dispose() => NativeMemory.Free(_bytes);

    private static IntPtr FindStrlen() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "strlen", out var strlen) ? strlen : IntPtr.Zero;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte Read(IntPtr bytes) => Volatile.Read(ref *(byte*)bytes);
}

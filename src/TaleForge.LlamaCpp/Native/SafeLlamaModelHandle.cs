using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Owns a <c>llama_model*</c>; freed once no context refers to it.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public SafeLlamaModelHandle(IntPtr model) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(model);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaApi.ModelFree(handle);
        return true;
    }
}

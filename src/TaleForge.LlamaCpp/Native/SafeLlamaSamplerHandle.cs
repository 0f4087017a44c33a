using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Owns a sampler chain (<c>llama_sampler*</c>); freeing the chain frees the samplers added to it.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public SafeLlamaSamplerHandle(IntPtr sampler) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(sampler);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaApi.SamplerFree(handle);
        return true;
    }
}

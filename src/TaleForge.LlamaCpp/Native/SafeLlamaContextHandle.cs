using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>
/// Owns a <c>llama_context*</c> and holds a reference on its model, so the model cannot be freed while the
/// context still points into it, whatever order callers dispose them in.
/// </summary>
internal sealed class SafeLlamaContextHandle : SafeHandle
{
    private readonly SafeLlamaModelHandle? _model;

    public SafeLlamaContextHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    private SafeLlamaContextHandle(IntPtr context, SafeLlamaModelHandle model) : base(IntPtr.Zero, ownsHandle: true)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Creates a context on the model; null when llama.cpp refuses (its log says why).</summary>
    public static SafeLlamaContextHandle? Create(SafeLlamaModelHandle model, LlamaContextParams parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = LlamaApi.InitFromModel(model, parameters);
        return context == IntPtr.Zero ? null : new SafeLlamaContextHandle(context, model);
    }

    protected override bool ReleaseHandle()
    {
        LlamaApi.Free(handle);
        _model?.DangerousRelease();
        return true;
    }
}

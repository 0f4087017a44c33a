using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary><c>struct llama_model_params</c> of llama.h v0.5.0 (80 bytes). Field names are the C names in Pascal case.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public IntPtr Devices;
    public IntPtr TensorBuftOverrides;
    public int NGpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public IntPtr TensorSplit;
    public IntPtr ProgressCallback;
    public IntPtr ProgressCallbackUserData;
    public IntPtr KvOverrides;
    public NativeBool VocabOnly;
    public NativeBool CheckTensors;
    public NativeBool UseExtraBufts;
    public NativeBool NoHost;
    public NativeBool NoAlloc;
    public NativeBool LoadMtp;
}

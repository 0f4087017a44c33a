using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary><c>struct llama_context_params</c> of llama.h v0.5.0 (160 bytes). Field names are the C names in Pascal case.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int CtxType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThold;
    public IntPtr CbEval;
    public IntPtr CbEvalUserData;
    public int TypeK;
    public int TypeV;
    public IntPtr AbortCallback;
    public IntPtr AbortCallbackData;
    public NativeBool Embeddings;
    public NativeBool OffloadKqv;
    public NativeBool NoPerf;
    public NativeBool OpOffload;
    public NativeBool SwaFull;
    public NativeBool KvUnified;
    public IntPtr Samplers;
    public nuint NSamplers;
    public IntPtr CtxOther;
}

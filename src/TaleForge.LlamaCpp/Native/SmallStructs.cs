using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary><c>llama_token_data</c> (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaTokenData
{
    public int Id;
    public float Logit;
    public float P;
}

/// <summary><c>llama_token_data_array</c> (32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaTokenDataArray
{
    public LlamaTokenData* Data;
    public nuint Size;
    public long Selected;
    public NativeBool Sorted;
}

/// <summary><c>llama_sampler_chain_params</c> (1 byte).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public NativeBool NoPerf;
}

/// <summary><c>llama_chat_message</c> (16 bytes): two UTF-8 C strings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaChatMessage
{
    public IntPtr Role;
    public IntPtr Content;
}

/// <summary><c>llama_logit_bias</c> (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaLogitBias
{
    public int Token;
    public float Bias;
}

/// <summary><c>struct llama_perf_context_data</c> (48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaPerfContextData
{
    public double TStartMs;
    public double TLoadMs;
    public double TPEvalMs;
    public double TEvalMs;
    public int NPEval;
    public int NEval;
    public int NReused;
}

/// <summary><c>struct llama_sampler</c> (16 bytes): a sampler's function table and its own state.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSampler
{
    public IntPtr Iface;
    public IntPtr Ctx;
}

using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Declarations of llama.h v0.5.0: samplers. A chain owns the samplers added to it.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_chain_init")]
    public static partial IntPtr SamplerChainInit(LlamaSamplerChainParams parameters);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init")]
    public static partial IntPtr SamplerInit(LlamaSamplerInterface* iface, IntPtr context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_chain_add")]
    public static partial void SamplerChainAdd(SafeLlamaSamplerHandle chain, IntPtr sampler);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_chain_n")]
    public static partial int SamplerChainN(SafeLlamaSamplerHandle chain);

    /// <summary>The chain's <paramref name="index"/>th sampler, still owned by the chain.</summary>
    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_chain_get")]
    public static partial IntPtr SamplerChainGet(SafeLlamaSamplerHandle chain, int index);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_apply")]
    public static partial void SamplerApply(IntPtr sampler, LlamaTokenDataArray* candidates);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_accept")]
    public static partial void SamplerAccept(IntPtr sampler, int token);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_reset")]
    public static partial void SamplerReset(IntPtr sampler);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_clone")]
    public static partial IntPtr SamplerClone(IntPtr sampler);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_free")]
    public static partial void SamplerFree(IntPtr sampler);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_greedy")]
    public static partial IntPtr SamplerInitGreedy();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_dist")]
    public static partial IntPtr SamplerInitDist(uint seed);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_top_k")]
    public static partial IntPtr SamplerInitTopK(int k);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_top_p")]
    public static partial IntPtr SamplerInitTopP(float p, nuint minKeep);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_min_p")]
    public static partial IntPtr SamplerInitMinP(float p, nuint minKeep);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_temp")]
    public static partial IntPtr SamplerInitTemp(float temperature);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_penalties")]
    public static partial IntPtr SamplerInitPenalties(int vocabularySize, int lastN, float repeat, float frequency, float presence);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_logit_bias")]
    public static partial IntPtr SamplerInitLogitBias(int vocabularySize, int count, LlamaLogitBias* biases);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_init_grammar")]
    public static partial IntPtr SamplerInitGrammar(IntPtr vocab, byte* grammar, byte* root);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_sampler_sample")]
    public static partial int SamplerSample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);
}

using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Declarations of llama.h v0.5.0: context, batch, decoding and memory (KV cache) functions.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_context_default_params")]
    public static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_init_from_model")]
    public static partial IntPtr InitFromModel(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_free")]
    public static partial void Free(IntPtr context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_n_ctx")]
    public static partial uint NCtx(SafeLlamaContextHandle context);

    /// <summary>Cells one sequence may hold: all of them with a unified cache, its own stream's otherwise.</summary>
    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_n_ctx_seq")]
    public static partial uint NCtxSeq(SafeLlamaContextHandle context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_n_batch")]
    public static partial uint NBatch(SafeLlamaContextHandle context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_n_seq_max")]
    public static partial uint NSeqMax(SafeLlamaContextHandle context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_set_n_threads")]
    public static partial void SetNThreads(SafeLlamaContextHandle context, int threads, int threadsBatch);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_set_abort_callback")]
    public static partial void SetAbortCallback(SafeLlamaContextHandle context, delegate* unmanaged[Cdecl]<IntPtr, byte> callback, IntPtr data);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_batch_init")]
    public static partial LlamaBatch BatchInit(int tokens, int embd, int maxSequences);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_batch_free")]
    public static partial void BatchFree(LlamaBatch batch);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_decode")]
    public static partial int Decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_get_logits_ith")]
    public static partial float* GetLogitsIth(SafeLlamaContextHandle context, int index);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_get_memory")]
    public static partial IntPtr GetMemory(SafeLlamaContextHandle context);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_memory_clear")]
    public static partial void MemoryClear(IntPtr memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_memory_seq_rm")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool MemorySeqRm(IntPtr memory, int sequence, int from, int to);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_memory_seq_cp")]
    public static partial void MemorySeqCp(IntPtr memory, int source, int destination, int from, int to);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_memory_seq_pos_max")]
    public static partial int MemorySeqPosMax(IntPtr memory, int sequence);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_perf_context")]
    public static partial LlamaPerfContextData PerfContext(SafeLlamaContextHandle context);
}

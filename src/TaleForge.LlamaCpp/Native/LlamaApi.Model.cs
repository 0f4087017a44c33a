using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Declarations of llama.h v0.5.0: library, model and vocabulary functions.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_version")]
    public static partial IntPtr Version();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_backend_init")]
    public static partial void BackendInit();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_print_system_info")]
    public static partial IntPtr PrintSystemInfo();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_supports_gpu_offload")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool SupportsGpuOffload();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_log_set")]
    public static partial void LogSet(delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_default_params")]
    public static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_free")]
    public static partial void ModelFree(IntPtr model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_get_vocab")]
    public static partial IntPtr ModelGetVocab(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_n_ctx_train")]
    public static partial int ModelNCtxTrain(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_n_embd")]
    public static partial int ModelNEmbd(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_n_layer")]
    public static partial int ModelNLayer(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_n_params")]
    public static partial ulong ModelNParams(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_size")]
    public static partial ulong ModelSize(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_desc")]
    public static partial int ModelDesc(SafeLlamaModelHandle model, byte* buffer, nuint size);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_model_chat_template")]
    public static partial IntPtr ModelChatTemplate(SafeLlamaModelHandle model, byte* name);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_vocab_n_tokens")]
    public static partial int VocabNTokens(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_vocab_is_eog")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabIsEog(IntPtr vocab, int token);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_vocab_bos")]
    public static partial int VocabBos(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_vocab_eos")]
    public static partial int VocabEos(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_vocab_get_add_bos")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabGetAddBos(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_tokenize")]
    public static partial int Tokenize(IntPtr vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_token_to_piece")]
    public static partial int TokenToPiece(IntPtr vocab, int token, byte* buffer, int length, int lstrip,
        [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(LibraryNames.Llama, EntryPoint = "llama_chat_apply_template")]
    public static partial int ChatApplyTemplate(byte* template, LlamaChatMessage* messages, nuint count,
        [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);
}

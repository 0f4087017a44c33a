namespace TaleForge.LlamaCpp.Native;

/// <summary>
/// Logical library names used in the declarations; <see cref="Loading.NativeLibraryLoader"/> maps each to the
/// file it chose (CPU or CUDA build), so no search path or LD_LIBRARY_PATH is involved.
/// </summary>
internal static class LibraryNames
{
    public const string Llama = "taleforge-llama";
    public const string Ggml = "taleforge-ggml";
    public const string GgmlBase = "taleforge-ggml-base";
}

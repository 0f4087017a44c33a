using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>Declarations of ggml-backend.h and ggml.h: backend loading, devices, and the fatal-error hook.</summary>
internal static unsafe partial class GgmlApi
{
    [LibraryImport(LibraryNames.Ggml, EntryPoint = "ggml_backend_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr BackendLoad(string path);

    [LibraryImport(LibraryNames.Ggml, EntryPoint = "ggml_backend_dev_count")]
    public static partial nuint BackendDevCount();

    [LibraryImport(LibraryNames.Ggml, EntryPoint = "ggml_backend_dev_get")]
    public static partial IntPtr BackendDevGet(nuint index);

    [LibraryImport(LibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_name")]
    public static partial IntPtr BackendDevName(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_description")]
    public static partial IntPtr BackendDevDescription(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_type")]
    public static partial int BackendDevType(IntPtr device);

    [LibraryImport(LibraryNames.GgmlBase, EntryPoint = "ggml_set_abort_callback")]
    public static partial IntPtr SetAbortCallback(delegate* unmanaged[Cdecl]<byte*, void> callback);
}

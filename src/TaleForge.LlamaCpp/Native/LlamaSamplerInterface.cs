using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary><c>struct llama_sampler_i</c> (96 bytes): the function table of a sampler written outside llama.cpp.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerInterface
{
    public IntPtr Name;
    public IntPtr Accept;
    public IntPtr Apply;
    public IntPtr Reset;
    public IntPtr Clone;
    public IntPtr Free;
    public IntPtr BackendInit;
    public IntPtr BackendAccept;
    public IntPtr BackendApply;
    public IntPtr BackendSetInput;
    public IntPtr BackendReset;
    public IntPtr CopyState;
}

using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary><c>struct llama_batch</c> (56 bytes), passed to <c>llama_decode</c> by value; its arrays belong to llama.cpp.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

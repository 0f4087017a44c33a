using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;
using TaleForge.Core;

namespace TaleForge.LlamaSharp.Sampling;

/// <summary>
/// Asks LLamaSharp's llama.cpp whether it parses a grammar before the grammar joins a sampler chain: llama.cpp
/// answers a grammar it cannot parse with NULL, and LLamaSharp 0.30.0 adds that NULL to the chain unchecked, where
/// the first sample would crash the process. Our parser runs first; this catches what only llama.cpp's refuses.
/// </summary>
internal static class GrammarCheck
{
    // LLamaSharp's own libllama.so, loaded by its loader before any model exists: opening the library by its soname
    // finds that copy, already in the process, so nothing else is loaded.
    private const string Library = "libllama.so";

    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);

    public static void Check(SafeLlamaModelHandle model, string grammar, string root)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grammar);
        ArgumentNullException.ThrowIfNull(root);
        var key = root + "\n" + grammar;
        if (_accepted.ContainsKey(key))
        {
            return;
        }
        var sampler = NativeMethods.SamplerInitGrammar(NativeMethods.ModelGetVocab(model), Terminated(grammar), Terminated(root));
        if (sampler == IntPtr.Zero)
        {
            throw new TaleForgeException("LLamaSharp's llama.cpp could not parse the GBNF grammar (its log says where), though ours did; check the grammar's rules, or use the default backend.");
        }
        NativeMethods.SamplerFree(sampler);
        if (_accepted.Count >= CacheLimit)
        {
            _accepted.Clear();
        }
        _accepted[key] = true;
    }

    private static byte[] Terminated(string text) => Encoding.UTF8.GetBytes(text + "\0");

    private static class NativeMethods
    {
        [DllImport(Library, EntryPoint = "llama_model_get_vocab")]
        public static extern IntPtr ModelGetVocab(SafeLlamaModelHandle model);

        [DllImport(Library, EntryPoint = "llama_sampler_init_grammar")]
        public static extern IntPtr SamplerInitGrammar(IntPtr vocab, byte[] grammar, byte[] root);

        [DllImport(Library, EntryPoint = "llama_sampler_free")]
        public static extern void SamplerFree(IntPtr sampler);
    }
}

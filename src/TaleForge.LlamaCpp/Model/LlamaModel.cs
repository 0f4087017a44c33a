using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using TaleForge.Core;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Model;

/// <summary>
/// A loaded GGUF model: weights, vocabulary and chat template. The file is checked in C# first
/// (<see cref="GgufReader"/>), so a bad file is reported, never handed to llama.cpp. Thread-safe for reading.
/// </summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;
    private readonly IntPtr _vocab;
    private int[]? _endOfGeneration;

    private LlamaModel(SafeLlamaModelHandle handle, GgufFile file, TimeSpan loadTime)
    {
        _handle = handle;
        File = file;
        LoadTime = loadTime;
        _vocab = LlamaApi.ModelGetVocab(handle);
        VocabularySize = LlamaApi.VocabNTokens(_vocab);
        TrainedContextLength = LlamaApi.ModelNCtxTrain(handle);
        ParameterCount = LlamaApi.ModelNParams(handle);
        AddsBos = LlamaApi.VocabGetAddBos(_vocab);
        Bos = LlamaApi.VocabBos(_vocab);
        var template = LlamaApi.ModelChatTemplate(handle, null);
        ChatTemplate = template == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(template);
        var description = stackalloc byte[256];
        var length = LlamaApi.ModelDesc(handle, description, 256);
        Description = length > 0 ? Encoding.UTF8.GetString(description, Math.Min(length, 255)) : "";
    }

    public GgufFile File { get; }
    public string Path => File.Path;
    public string Description { get; }
    public int VocabularySize { get; }
    public int TrainedContextLength { get; }
    public ulong ParameterCount { get; }
    public string? ChatTemplate { get; }
    public TimeSpan LoadTime { get; }
    internal bool AddsBos { get; }
    internal int Bos { get; }
    internal SafeLlamaModelHandle Handle => _handle;
    internal IntPtr Vocab => _vocab;

    /// <summary>
    /// Checks and loads <paramref name="path"/>. Progress goes from 0 to 1; cancelling stops the load at the next
    /// progress report. Throws <see cref="InvalidModelFileException"/> for a bad file.
    /// </summary>
    public static LlamaModel Load(string path, LlamaModelOptions? options = null, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new LlamaModelOptions();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var file = GgufReader.Read(System.IO.Path.GetFullPath(path));
        ModelFileCheck.Check(file);
        cancellation.ThrowIfCancellationRequested();
        NativeLibraryLoader.EnsureLoaded(options.Logger, options.Backend);
        var logMark = NativeLog.Mark();

        var parameters = LlamaApi.ModelDefaultParams();
        parameters.NGpuLayers = options.GpuLayers < 0 ? int.MaxValue : options.GpuLayers;
        var state = new LoadState(progress, cancellation);
        var stateHandle = GCHandle.Alloc(state);
        try
        {
            parameters.ProgressCallback = (IntPtr)(delegate* unmanaged[Cdecl]<float, IntPtr, byte>)&OnProgress;
            parameters.ProgressCallbackUserData = GCHandle.ToIntPtr(stateHandle);
            var model = LlamaApi.ModelLoadFromFile(file.Path, parameters);
            cancellation.ThrowIfCancellationRequested();
            if (model == IntPtr.Zero)
            {
                var said = NativeLog.WarningsSince(logMark);
                var reason = said.Count == 0 ? "it gave no reason" : $"it said: {string.Join(" | ", said.TakeLast(3))}";
                throw new InvalidModelFileException(file.Path,
                    $"llama.cpp refused it after TaleForge's checks passed ({file.Architecture} architecture); {reason}");
            }
            return new LlamaModel(new SafeLlamaModelHandle(model), file, started.Elapsed);
        }
        finally
        {
            stateHandle.Free();
        }
    }

    /// <summary>Tokens of <paramref name="text"/>; <paramref name="parseSpecial"/> turns markers like &lt;|im_start|&gt; into their tokens.</summary>
    public int[] Tokenize(string text, bool addSpecial = false, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var lease = Lease();
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new int[bytes.Length + 2];
        fixed (byte* b = bytes)
        fixed (int* t = tokens)
        {
            var count = LlamaApi.Tokenize(_vocab, b, bytes.Length, t, tokens.Length, addSpecial, parseSpecial);
            if (count < 0)
            {
                Array.Resize(ref tokens, -count);
                fixed (int* t2 = tokens)
                {
                    count = LlamaApi.Tokenize(_vocab, b, bytes.Length, t2, tokens.Length, addSpecial, parseSpecial);
                }
            }
            if (count < 0)
            {
                throw new InvalidOperationException($"llama_tokenize failed ({count}) on a text of {bytes.Length} bytes.");
            }
            return tokens[..count];
        }
    }

    /// <summary>The bytes a token stands for (possibly part of a UTF-8 character); control tokens give none.</summary>
    public byte[] TokenBytes(int token)
    {
        CheckToken(token);
        using var lease = Lease();
        Span<byte> buffer = stackalloc byte[128];
        fixed (byte* b = buffer)
        {
            var length = LlamaApi.TokenToPiece(_vocab, token, b, buffer.Length, 0, false);
            if (length >= 0)
            {
                return buffer[..length].ToArray();
            }
            var large = new byte[-length];
            fixed (byte* l = large)
            {
                length = LlamaApi.TokenToPiece(_vocab, token, l, large.Length, 0, false);
            }
            return large[..Math.Max(0, length)];
        }
    }

    /// <summary>The text of a token sequence, decoded as a whole so split characters join up.</summary>
    public string Detokenize(IEnumerable<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var bytes = new List<byte>();
        foreach (var token in tokens)
        {
            bytes.AddRange(TokenBytes(token));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public bool IsEndOfGeneration(int token)
    {
        CheckToken(token);
        using var lease = Lease();
        return LlamaApi.VocabIsEog(_vocab, token);
    }

    /// <summary>Every end-of-generation token of the vocabulary (for suppressing them in fixed-length runs).</summary>
    public IReadOnlyList<int> EndOfGenerationTokens()
    {
        if (_endOfGeneration is null)
        {
            using var lease = Lease();
            _endOfGeneration = Enumerable.Range(0, VocabularySize).Where(token => LlamaApi.VocabIsEog(_vocab, token)).ToArray();
        }
        return _endOfGeneration;
    }

    internal void CheckToken(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token ids of this model are 0..{VocabularySize - 1}.");
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// Keeps the native model alive for one call. The vocabulary is a raw pointer into the model, so without a
    /// reference a call racing <see cref="Dispose"/> on another thread would read freed memory (a SIGSEGV seen when
    /// an evaluation failed while other requests were still tokenising); with it, the free waits for the call, and a
    /// call after disposal throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    private ModelLease Lease() => new(_handle);

    private readonly ref struct ModelLease
    {
        private readonly SafeLlamaModelHandle _handle;

        public ModelLease(SafeLlamaModelHandle handle)
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            _handle = handle;
        }

        public void Dispose() => _handle.DangerousRelease();
    }

    private sealed record LoadState(IProgress<float>? Progress, CancellationToken Cancellation);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnProgress(float progress, IntPtr userData)
    {
        try
        {
            var state = (LoadState)GCHandle.FromIntPtr(userData).Target!;
            state.Progress?.Report(Math.Clamp(progress, 0f, 1f));
            return state.Cancellation.IsCancellationRequested ? (byte)0 : (byte)1;
        }
#pragma warning disable CA1031 // never let an exception unwind into native code.
        catch
        {
            return 1;
        }
#pragma warning restore CA1031
    }
}

using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Native;

/// <summary>
/// Owns the arrays of a <c>llama_batch</c> made by <c>llama_batch_init</c> for up to <see cref="Capacity"/>
/// tokens, each in at most one sequence. <see cref="Add"/> checks every index before writing to native memory.
/// </summary>
internal sealed unsafe class SafeLlamaBatchHandle : SafeHandle
{
    private LlamaBatch _batch;

    public SafeLlamaBatchHandle(int capacity) : base(IntPtr.Zero, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _batch = LlamaApi.BatchInit(capacity, 0, 1);
        if (_batch.Token == null)
        {
            throw new InsufficientMemoryException($"llama_batch_init could not allocate a batch of {capacity} tokens.");
        }
        Capacity = capacity;
        SetHandle((IntPtr)_batch.Token);
    }

    public int Capacity { get; }

    public int Count => _batch.NTokens;

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The struct to pass to <c>llama_decode</c>.</summary>
    public LlamaBatch Native
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return _batch;
        }
    }

    public void Clear() => _batch.NTokens = 0;

    /// <summary>Appends one token; returns its index in the batch (the index of its logits when requested).</summary>
    public int Add(int token, int position, int sequence, bool wantLogits)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        if (_batch.NTokens >= Capacity)
        {
            throw new InvalidOperationException($"The batch is full ({Capacity} tokens).");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var i = _batch.NTokens;
        _batch.Token[i] = token;
        _batch.Pos[i] = position;
        _batch.NSeqId[i] = 1;
        _batch.SeqId[i][0] = sequence;
        _batch.Logits[i] = wantLogits ? (sbyte)1 : (sbyte)0;
        _batch.NTokens = i + 1;
        return i;
    }

    protected override bool ReleaseHandle()
    {
        LlamaApi.BatchFree(_batch);
        _batch = default;
        return true;
    }
}

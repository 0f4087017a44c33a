using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.Native;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// Continuous batching over one context, its KV cache unified or a stream per sequence (see
/// <see cref="SchedulerSettings.SeparateStreams"/>). A single thread owns every native call on the
/// context; each step packs one token of every generating sequence plus prompt chunks of new ones into one
/// <c>llama_decode</c>, then samples each sequence with its own chain. Everything llama.cpp would assert on
/// (sequence ids, positions, batch size, token ids, free cells) is checked here first.
/// </summary>
internal sealed unsafe partial class InferenceScheduler : IDisposable
{
    private readonly LlamaModel _model;
    private readonly SchedulerSettings _settings;
    private readonly SafeLlamaContextHandle _context;
    private readonly SafeLlamaBatchHandle _batch;
    private readonly IntPtr _memory;
    private readonly SequenceSlot[] _slots;
    private readonly KvCellLedger _ledger;
    private readonly PrefixCache _cache;
    private readonly ConcurrentQueue<GenerationJob> _incoming = new();
    private readonly List<GenerationJob> _waiting = [];
    private readonly List<GenerationJob> _live = [];
    private readonly List<GenerationJob> _generating = [];
    private readonly List<GenerationJob> _prompting = [];
    private readonly List<GenerationJob> _stepJobs = [];
    private readonly List<GenerationJob> _ordered = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly AbortFlag _abort = new();
    private readonly Thread _thread;
    private readonly Lock _lifecycle = new();
    private volatile bool _disposed;
    private long _decodeCalls;
    private long _promptTokensEvaluated;

    public InferenceScheduler(LlamaModel model, SchedulerSettings settings)
    {
        _model = model;
        _settings = settings;
        var parameters = LlamaApi.ContextDefaultParams();
        // With a stream each, llama.cpp splits n_ctx evenly between the sequences; each keeps the whole context size.
        parameters.NCtx = (uint)(settings.SeparateStreams ? settings.ContextSize * settings.MaxSequences : settings.ContextSize);
        parameters.NBatch = (uint)settings.BatchSize;
        // One ubatch per decode, so an aborted decode rolls back the whole step and nothing half-done remains.
        parameters.NUbatch = (uint)settings.BatchSize;
        parameters.NSeqMax = (uint)settings.MaxSequences;
        parameters.NThreads = settings.Threads;
        parameters.NThreadsBatch = settings.BatchThreads;
        parameters.KvUnified = !settings.SeparateStreams;
        parameters.FlashAttnType = settings.FlashAttention switch { null => -1, true => 1, false => 0 };
        parameters.NoPerf = true;
        parameters.AbortCallback = _abort.Callback;
        parameters.AbortCallbackData = _abort.Data;
        _context = SafeLlamaContextHandle.Create(model.Handle, parameters)
            ?? throw new TaleForgeException($"llama.cpp could not create a context of {settings.ContextSize} tokens for '{model.Path}' (out of memory?); try a smaller context size.");
        ContextSize = (int)LlamaApi.NCtxSeq(_context);
        _batch = new SafeLlamaBatchHandle(settings.BatchSize);
        _memory = LlamaApi.GetMemory(_context);
        _slots = Enumerable.Range(0, settings.MaxSequences).Select(i => new SequenceSlot(i)).ToArray();
        _ledger = new KvCellLedger(settings.MaxSequences);
        _cache = new PrefixCache(_memory, _slots, _ledger, settings.PrefixCache, settings.SeparateStreams);
        _thread = new Thread(Run) { IsBackground = true, Name = "llama scheduler" };
        _thread.Start();
    }

    public int ContextSize { get; }

    /// <summary>How many <c>llama_decode</c> calls ran, for tests and benchmarks.</summary>
    public long DecodeCalls => Interlocked.Read(ref _decodeCalls);

    public long PromptTokensEvaluated => Interlocked.Read(ref _promptTokensEvaluated);

    /// <summary>Queues a request; its events arrive on the returned job's channel.</summary>
    public GenerationJob Submit(GenerationRequest request, bool streaming, CancellationToken cancellation)
    {
        if (request.Prompt.Count == 0)
        {
            throw new ArgumentException("The prompt has no tokens.", nameof(request));
        }
        foreach (var token in request.Prompt)
        {
            _model.CheckToken(token);
        }
        if (request.Prompt.Count >= ContextSize)
        {
            throw new TaleForgeException($"The prompt has {request.Prompt.Count} tokens but the context holds {ContextSize}: shorten it or load the model with a larger context size.");
        }
        var job = new GenerationJob(request, streaming, cancellation);
        // Checked and queued under the lock Dispose takes, so every job either is refused here or is queued before
        // the scheduler thread's last sweep fails it. A job queued after that sweep would keep its cancellation
        // callback registered, and a later cancellation would write to the freed abort flag and semaphore.
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            job.Registration = cancellation.Register(() =>
            {
                _abort.Set();
                _signal.Release();
            });
            _incoming.Enqueue(job);
            _signal.Release();
        }
        return job;
    }

    private void Run()
    {
        while (!_disposed)
        {
            try
            {
                if (!Step())
                {
                    _signal.Wait();
                }
            }
#pragma warning disable CA1031 // the loop must survive to fail its requests cleanly instead of dying silently.
            catch (Exception e)
#pragma warning restore CA1031
            {
                FailAll(e);
            }
        }
        FailAll(new ObjectDisposedException(nameof(InferenceScheduler)));
    }

    /// <summary>One scheduling step; false when there is nothing to do.</summary>
    private bool Step()
    {
        while (_incoming.TryDequeue(out var job))
        {
            _waiting.Add(job);
        }
        _abort.Clear();
        DropCancelled();
        Admit();
        if (_live.Count == 0)
        {
            return false;
        }
        if (!FillBatch())
        {
            return true;
        }
        CheckBatch();
        var result = LlamaApi.Decode(_context, _batch.Native);
        Interlocked.Increment(ref _decodeCalls);
        switch (result)
        {
            case 0:
                Advance();
                return true;
            case 2:
                // Aborted for a cancellation: the next step retries the rest. With a stream each the batch is decoded
                // in several ubatches, and those done before the abort keep their cells; they are removed here.
                RollBack();
                return true;
            case 1:
                RollBack();
                if (!_cache.EvictOne())
                {
                    var largest = _live.OrderByDescending(j => j.Slot!.Tokens.Count).First();
                    Complete(largest, ChatFinishReason.Length);
                }
                return true;
            default:
                throw new TaleForgeException($"llama_decode failed with code {result} (the log says why); the requests in progress were stopped.");
        }
    }

    /// <summary>Removes any cell a failed decode left past what each sequence records, so books and cache agree.</summary>
    private void RollBack()
    {
        foreach (var job in _live)
        {
            if (job.TokensInBatch > 0)
            {
                LlamaApi.MemorySeqRm(_memory, job.Slot!.Id, job.Slot.Tokens.Count, -1);
            }
        }
    }

    private void DropCancelled()
    {
        if (!_waiting.Exists(j => j.Cancellation.IsCancellationRequested) && !_live.Exists(j => j.Cancellation.IsCancellationRequested))
        {
            return;
        }
        foreach (var job in _waiting.Where(j => j.Cancellation.IsCancellationRequested).ToList())
        {
            _waiting.Remove(job);
            if (job.Slot is { } held)
            {
                _cache.Release(held);
            }
            job.Fail(new OperationCanceledException(job.Cancellation));
        }
        foreach (var job in _live.Where(j => j.Cancellation.IsCancellationRequested).ToList())
        {
            _live.Remove(job);
            _cache.Release(job.Slot!);
            job.Fail(new OperationCanceledException(job.Cancellation));
        }
    }

    private void Admit()
    {
        for (var i = 0; i < _waiting.Count;)
        {
            var job = _waiting[i];
            if (job.Slot is null && (_cache.ShouldAwaitSharedPrefix(job, _live) || !_cache.TryAssign(job)))
            {
                return;
            }
            if (_live.Count > 0 && !HasRoomFor(job))
            {
                // Wait for a running request to finish rather than start one that would cut the others short.
                // It keeps its slot (and prefix) meanwhile, and first come, first served: nothing jumps the queue.
                return;
            }
            _waiting.RemoveAt(i);
            try
            {
                job.Sampler = SamplerChainFactory.Create(_model, job.Request.Sampling);
            }
#pragma warning disable CA1031 // a bad grammar fails its own request only.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _cache.Release(job.Slot!);
                job.Fail(e);
                continue;
            }
            job.MarkAdmitted();
            _live.Add(job);
        }
    }

    /// <summary>
    /// Whether the cells <paramref name="job"/> may write fit next to what every live request may still write,
    /// evicting idle cache entries if need be. Reserving each request's whole output budget is what keeps
    /// concurrent requests from filling the context and ending each other early.
    /// </summary>
    private bool HasRoomFor(GenerationJob job)
    {
        if (_settings.SeparateStreams)
        {
            // Each sequence writes into its own stream of the whole context size: no request takes room from another.
            return true;
        }
        var reserved = _live.Sum(CellsStillNeeded) + CellsStillNeeded(job);
        while (ContextSize - _ledger.UsedCells < reserved && _cache.EvictOne())
        {
        }
        return ContextSize - _ledger.UsedCells >= reserved;
    }

    /// <summary>Cells a request may still write: the rest of its prompt and of its output budget.</summary>
    private static int CellsStillNeeded(GenerationJob job) =>
        Math.Max(0, job.Request.Prompt.Count + job.Request.MaxTokens - job.Slot!.Tokens.Count);

    private void FailAll(Exception error)
    {
        foreach (var job in _live.Concat(_waiting).ToList())
        {
            job.Slot?.Job = null;
            job.Fail(error);
        }
        _live.Clear();
        _waiting.Clear();
        while (_incoming.TryDequeue(out var job))
        {
            job.Fail(error);
        }
        if (!_context.IsClosed)
        {
            LlamaApi.MemoryClear(_memory, true);
        }
        _ledger.ClearAll();
        foreach (var slot in _slots)
        {
            slot.Tokens.Clear();
            slot.Job = null;
        }
    }

    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _signal.Release();
        }
        // The thread fails every job it holds or finds queued, which disposes their cancellation registrations
        // (waiting for a callback already running), so nothing can touch the flag or the context once it ends.
        _thread.Join();
        _batch.Dispose();
        _context.Dispose();
        _abort.Dispose();
        _signal.Dispose();
    }
}

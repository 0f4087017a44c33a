using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>How one step is packed into the batch, and the checks made before it goes to <c>llama_decode</c>.</summary>
internal sealed partial class InferenceScheduler
{
    /// <summary>Packs generation tokens first, then prompt chunks, within the batch size and the free KV cells.</summary>
    private bool FillBatch()
    {
        // Lists reused from step to step: this runs once per generated token.
        var generating = _generating;
        var prompting = _prompting;
        generating.Clear();
        prompting.Clear();
        foreach (var job in _live)
        {
            (job.InPrompt ? prompting : generating).Add(job);
        }
        for (var i = generating.Count - 1; i >= 0; i--)
        {
            if (generating[i].Slot!.Tokens.Count >= ContextSize)
            {
                Complete(generating[i], ChatFinishReason.Length);
                generating.RemoveAt(i);
            }
        }
        var separate = _settings.SeparateStreams;
        // With a stream each, every sequence has room up to the context size (checked per prompt chunk below).
        var free = separate ? int.MaxValue / 2 : ContextSize - _ledger.UsedCells;
        while (free < generating.Count + (prompting.Count > 0 ? 1 : 0) && _cache.EvictOne())
        {
            free = ContextSize - _ledger.UsedCells;
        }
        if (free < generating.Count)
        {
            // No room even for one token each: the longest sequence ends, as a model's context would.
            Complete(generating.OrderByDescending(j => j.Slot!.Tokens.Count).First(), ChatFinishReason.Length);
            return false;
        }

        foreach (var job in _live)
        {
            job.LogitsIndex = -1;
            job.TokensInBatch = 0;
        }
        foreach (var job in generating)
        {
            job.TokensInBatch = 1;
        }
        var inBatch = generating.Count;
        var budget = Math.Min(_batch.Capacity - inBatch, free - generating.Count);
        foreach (var job in prompting)
        {
            // Make room for this prompt chunk from idle cache entries before giving up on it this step.
            var remaining = job.Request.Prompt.Count - job.PromptCursor;
            while (!separate && budget < Math.Min(remaining, _batch.Capacity - inBatch) && _cache.EvictOne())
            {
                budget = Math.Min(_batch.Capacity - inBatch, ContextSize - _ledger.UsedCells - inBatch);
            }
            var take = Math.Min(remaining, budget);
            if (separate)
            {
                take = Math.Min(take, ContextSize - job.Slot!.Tokens.Count);
            }
            if (take <= 0)
            {
                continue;
            }
            job.TokensInBatch = take;
            budget -= take;
            inBatch += take;
        }
        WriteBatch();
        if (_batch.Count == 0)
        {
            var stuck = prompting.First();
            _live.Remove(stuck);
            _cache.Release(stuck.Slot!);
            stuck.Fail(new TaleForgeException($"The context of {ContextSize} tokens has no room for a prompt of {stuck.Request.Prompt.Count} tokens next to the requests in progress; use a larger context size."));
            return false;
        }
        return true;
    }

    /// <summary>
    /// Writes the step's tokens in increasing sequence id. With a stream each, llama.cpp decodes together only
    /// sequences whose ids follow one another in the batch (0, 1, 2, ...), one ubatch per such run; in any other
    /// order each sequence would get a pass over the weights of its own.
    /// </summary>
    private void WriteBatch()
    {
        _batch.Clear();
        var ordered = _ordered;
        ordered.Clear();
        ordered.AddRange(_live);
        ordered.Sort(static (a, b) => a.Slot!.Id.CompareTo(b.Slot!.Id));
        foreach (var job in ordered)
        {
            if (job.TokensInBatch == 0)
            {
                continue;
            }
            if (!job.InPrompt)
            {
                job.LogitsIndex = _batch.Add(job.PendingToken!.Value, job.Slot!.Tokens.Count, job.Slot.Id, wantLogits: true);
                continue;
            }
            var position = job.Slot!.Tokens.Count;
            for (var k = 0; k < job.TokensInBatch; k++)
            {
                var last = job.PromptCursor + k == job.Request.Prompt.Count - 1;
                var index = _batch.Add(job.Request.Prompt[job.PromptCursor + k], position + k, job.Slot.Id, wantLogits: last);
                if (last)
                {
                    job.LogitsIndex = index;
                }
            }
        }
    }

    /// <summary>Re-checks what llama.cpp would otherwise assert on: the cache must end exactly where each sequence's new tokens begin.</summary>
    private void CheckBatch()
    {
        foreach (var job in _live)
        {
            if (job.TokensInBatch == 0)
            {
                continue;
            }
            var slot = job.Slot!;
            if ((uint)slot.Id >= (uint)_settings.MaxSequences)
            {
                throw new InvalidOperationException($"Sequence id {slot.Id} is outside 0..{_settings.MaxSequences - 1}.");
            }
            var end = LlamaApi.MemorySeqPosMax(_memory, slot.Id) + 1;
            if (end != slot.Tokens.Count || slot.Tokens.Count + job.TokensInBatch > ContextSize)
            {
                throw new InvalidOperationException($"Sequence {slot.Id} holds {end} cells but {slot.Tokens.Count} tokens are recorded; refusing to decode.");
            }
        }
        if (_batch.Count > _settings.BatchSize || (!_settings.SeparateStreams && _ledger.UsedCells + _batch.Count > ContextSize))
        {
            throw new InvalidOperationException("The batch exceeds the batch size or the free KV cells.");
        }
    }
}

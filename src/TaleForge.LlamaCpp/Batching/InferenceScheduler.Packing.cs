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
        var free = ContextSize - _ledger.UsedCells;
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

        _batch.Clear();
        foreach (var job in _live)
        {
            job.LogitsIndex = -1;
            job.TokensInBatch = 0;
        }
        foreach (var job in generating)
        {
            job.LogitsIndex = _batch.Add(job.PendingToken!.Value, job.Slot!.Tokens.Count, job.Slot.Id, wantLogits: true);
            job.TokensInBatch = 1;
        }
        var budget = Math.Min(_batch.Capacity - _batch.Count, free - generating.Count);
        foreach (var job in prompting)
        {
            // Make room for this prompt chunk from idle cache entries before giving up on it this step.
            var remaining = job.Request.Prompt.Count - job.PromptCursor;
            while (budget < Math.Min(remaining, _batch.Capacity - _batch.Count) && _cache.EvictOne())
            {
                budget = Math.Min(_batch.Capacity - _batch.Count, ContextSize - _ledger.UsedCells - _batch.Count);
            }
            var take = Math.Min(remaining, budget);
            if (take <= 0)
            {
                continue;
            }
            var position = job.Slot!.Tokens.Count;
            for (var k = 0; k < take; k++)
            {
                var last = job.PromptCursor + k == job.Request.Prompt.Count - 1;
                var index = _batch.Add(job.Request.Prompt[job.PromptCursor + k], position + k, job.Slot.Id, wantLogits: last);
                if (last)
                {
                    job.LogitsIndex = index;
                }
            }
            job.TokensInBatch = take;
            budget -= take;
        }
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
        if (_batch.Count > _settings.BatchSize || _ledger.UsedCells + _batch.Count > ContextSize)
        {
            throw new InvalidOperationException("The batch exceeds the batch size or the free KV cells.");
        }
    }
}

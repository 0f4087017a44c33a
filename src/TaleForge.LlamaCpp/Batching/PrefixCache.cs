using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// Gives each new request a sequence slot, reusing the KV cells of the longest common token prefix found in any
/// slot: an idle slot is taken over (its tail removed), a live one is shared with <c>llama_memory_seq_cp</c>. With a
/// KV stream per sequence, llama.cpp copies only whole streams, so the source's stream is copied and its tail cut.
/// Idle slots keep their cells as cache until a request or the room they take is needed (least recently used first).
/// </summary>
internal sealed class PrefixCache(IntPtr memory, IReadOnlyList<SequenceSlot> slots, KvCellLedger ledger, bool enabled, bool separateStreams)
{
    private long _clock;

    /// <summary>Assigns a slot to <paramref name="job"/>, or returns false when every slot is busy.</summary>
    public bool TryAssign(GenerationJob job)
    {
        var prompt = job.Request.Prompt;
        SequenceSlot? source = null;
        var common = 0;
        if (enabled)
        {
            foreach (var slot in slots)
            {
                var length = slot.CommonPrefix(prompt);
                if (length > common)
                {
                    (source, common) = (slot, length);
                }
            }
        }
        // At least the last prompt token is evaluated again: its logits are needed to sample the first token.
        common = Math.Min(common, prompt.Count - 1);

        SequenceSlot target;
        if (source is not null && source.IsIdle && common > 0)
        {
            target = source;
            Truncate(target, common);
        }
        else
        {
            // Empty slots first, lowest id first, so the live sequences keep consecutive ids: with a stream each,
            // llama.cpp decodes together only runs of consecutive ids. Then the least recently used cache entry.
            var free = slots.Where(s => s.IsIdle)
                .OrderBy(s => s.Tokens.Count > 0)
                .ThenBy(s => s.Tokens.Count > 0 ? s.LastUsed : s.Id)
                .FirstOrDefault();
            if (free is null)
            {
                return false;
            }
            target = free;
            Truncate(target, 0);
            if (source is not null && common > 0)
            {
                if (separateStreams)
                {
                    // A partial copy across streams is a GGML_ASSERT (the process dies): copy it all, then cut.
                    LlamaApi.MemorySeqCp(memory, source.Id, target.Id, -1, -1);
                    LlamaApi.MemorySeqRm(memory, target.Id, common, -1);
                    ledger.Append(target.Id, 0, common);
                }
                else
                {
                    LlamaApi.MemorySeqCp(memory, source.Id, target.Id, 0, common);
                    ledger.CopyPrefix(source.Id, target.Id, common);
                }
                target.Tokens.AddRange(source.Tokens.Take(common));
            }
            else
            {
                common = 0;
            }
        }
        target.Job = job;
        target.LastUsed = ++_clock;
        job.Slot = target;
        job.PromptCursor = common;
        job.CachedPromptTokens = common;
        return true;
    }

    /// <summary>
    /// The fewest tokens a waiting request must gain by waiting for another's prompt: below this, reading them itself
    /// costs less than the delay.
    /// </summary>
    private const int WorthWaitingFor = 32;

    /// <summary>
    /// Whether <paramref name="job"/> should wait for a live request that is still reading a prompt beginning as its
    /// own does: once that request's cells hold the shared beginning, this one copies them instead of reading it
    /// again. Requests that arrive together (a scene's phase asks every character at once) would otherwise each read
    /// the whole shared prompt, and a batch would do more work than the same requests one by one.
    /// </summary>
    public bool ShouldAwaitSharedPrefix(GenerationJob job, IEnumerable<GenerationJob> live)
    {
        if (!enabled)
        {
            return false;
        }
        var prompt = job.Request.Prompt;
        var cached = slots.Max(s => s.CommonPrefix(prompt));
        foreach (var other in live)
        {
            if (!other.InPrompt)
            {
                continue;
            }
            // The last prompt token is always read again (its logits are needed), so it is never worth waiting for.
            var shared = Math.Min(SequenceSlot.CommonPrefix(other.Request.Prompt, prompt), prompt.Count - 1);
            if (shared >= cached + WorthWaitingFor && other.Slot!.Tokens.Count < shared)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Ends a job's hold on its slot; its cells stay as cache unless caching is off.</summary>
    public void Release(SequenceSlot slot)
    {
        slot.Job = null;
        slot.LastUsed = ++_clock;
        if (!enabled)
        {
            Truncate(slot, 0);
        }
    }

    /// <summary>Frees the least recently used idle cache entry; false when there is none.</summary>
    public bool EvictOne()
    {
        var victim = slots.Where(s => s.IsIdle && s.Tokens.Count > 0).OrderBy(s => s.LastUsed).FirstOrDefault();
        if (victim is null)
        {
            return false;
        }
        Truncate(victim, 0);
        return true;
    }

    /// <summary>Removes positions from <paramref name="length"/> on, in llama.cpp and in our books alike.</summary>
    public void Truncate(SequenceSlot slot, int length)
    {
        if (slot.Tokens.Count <= length)
        {
            return;
        }
        LlamaApi.MemorySeqRm(memory, slot.Id, length, -1);
        ledger.Truncate(slot.Id, length);
        slot.Tokens.RemoveRange(length, slot.Tokens.Count - length);
    }
}

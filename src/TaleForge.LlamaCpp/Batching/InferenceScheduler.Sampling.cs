using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>What happens after a successful decode: new cells recorded, each sequence sampled, finished ones released.</summary>
internal sealed partial class InferenceScheduler
{
    /// <summary>After a successful decode: records the new cells, then samples every sequence that has logits.</summary>
    private void Advance()
    {
        _stepJobs.Clear();
        _stepJobs.AddRange(_live);
        foreach (var job in _stepJobs)
        {
            if (job.TokensInBatch == 0)
            {
                continue;
            }
            var slot = job.Slot!;
            var from = slot.Tokens.Count;
            if (job.InPrompt)
            {
                slot.Tokens.AddRange(job.Request.Prompt.Skip(job.PromptCursor).Take(job.TokensInBatch));
                job.PromptCursor += job.TokensInBatch;
                Interlocked.Add(ref _promptTokensEvaluated, job.TokensInBatch);
            }
            else
            {
                slot.Tokens.Add(job.PendingToken!.Value);
            }
            _ledger.Append(slot.Id, from, job.TokensInBatch);
            if (job.LogitsIndex >= 0)
            {
                Sample(job);
            }
        }
    }

    private void Sample(GenerationJob job)
    {
        var token = LlamaApi.SamplerSample(job.Sampler!, _context, job.LogitsIndex);
        if (job.Generated == 0)
        {
            job.MarkFirstToken();
        }
        job.Generated++;
        if (_model.IsEndOfGeneration(token))
        {
            Complete(job, ChatFinishReason.Stop);
            return;
        }
        var (text, stopped) = job.Output.Append(_model.TokenBytes(token));
        job.Emit(text);
        if (stopped)
        {
            Complete(job, ChatFinishReason.Stop);
        }
        else if (job.Generated >= job.Request.MaxTokens)
        {
            Complete(job, ChatFinishReason.Length);
        }
        else
        {
            job.PendingToken = token;
        }
    }

    private void Complete(GenerationJob job, ChatFinishReason reason)
    {
        _live.Remove(job);
        _cache.Release(job.Slot!);
        job.Finish(reason);
    }
}

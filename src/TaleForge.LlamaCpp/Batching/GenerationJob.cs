using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>A request while the scheduler runs it: where it is in its prompt, its sampler, its text, its clock.</summary>
internal sealed class GenerationJob(GenerationRequest request, bool streaming, CancellationToken cancellation)
{
    private readonly Channel<GenerationEvent> _events = Channel.CreateUnbounded<GenerationEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _admittedAt;
    private double _firstTokenAt;

    public GenerationRequest Request { get; } = request;
    public CancellationToken Cancellation { get; } = cancellation;
    public ChannelReader<GenerationEvent> Events => _events.Reader;
    public OutputText Output { get; } = new(request.StopSequences);

    public SequenceSlot? Slot { get; set; }
    public SafeLlamaSamplerHandle? Sampler { get; set; }
    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>Index in the prompt of the next token to evaluate; equals the prompt length once it is all in the KV cache.</summary>
    public int PromptCursor { get; set; }
    public int CachedPromptTokens { get; set; }
    public int Generated { get; set; }

    /// <summary>The last sampled token, to be fed back in the next step.</summary>
    public int? PendingToken { get; set; }

    /// <summary>Where this job's logits are in the current batch, or -1.</summary>
    public int LogitsIndex { get; set; } = -1;

    /// <summary>How many of its tokens this job put in the current batch.</summary>
    public int TokensInBatch { get; set; }

    public bool InPrompt => PromptCursor < Request.Prompt.Count;

    public void MarkAdmitted() => _admittedAt = _clock.Elapsed.TotalMilliseconds;

    public void MarkFirstToken() => _firstTokenAt = _clock.Elapsed.TotalMilliseconds;

    /// <summary>Sends a piece to a streaming caller; a caller waiting for the whole response is woken only once, at the end.</summary>
    public void Emit(string text)
    {
        if (streaming && text.Length > 0)
        {
            _events.Writer.TryWrite(new GenerationEvent.Piece(text));
        }
    }

    public void Finish(ChatFinishReason reason)
    {
        Emit(Output.Flush());
        var now = _clock.Elapsed.TotalMilliseconds;
        var first = _firstTokenAt > 0 ? _firstTokenAt : now;
        var stats = new GenerationStats(Request.Prompt.Count, CachedPromptTokens, Generated, _admittedAt, first - _admittedAt, now - first);
        _events.Writer.TryWrite(new GenerationEvent.Finished(reason, stats, Output.Text));
        _events.Writer.TryComplete();
        Release();
    }

    public void Fail(Exception error)
    {
        _events.Writer.TryComplete(error);
        Release();
    }

    private void Release()
    {
        Sampler?.Dispose();
        Sampler = null;
        Registration.Dispose();
    }
}

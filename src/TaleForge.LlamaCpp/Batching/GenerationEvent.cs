using Microsoft.Extensions.AI;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>What a running request reports to its caller: a piece of text, or the end with its reason and cost.</summary>
internal abstract record GenerationEvent
{
    public sealed record Piece(string Text) : GenerationEvent;

    public sealed record Finished(ChatFinishReason Reason, GenerationStats Stats, string Text) : GenerationEvent;
}

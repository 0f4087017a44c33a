using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Fakes;

/// <summary>One call seen by a <see cref="CallbackChatClient"/>: the messages and options as passed.</summary>
public sealed record CallbackChatCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options);

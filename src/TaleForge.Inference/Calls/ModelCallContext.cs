namespace TaleForge.Inference.Calls;

/// <summary>
/// Who is asking and when: the role of the call (for example <c>narrator.influence</c> or
/// <c>character.alice.action</c>), the index of the game event it serves, and which attempt of a re-asked request
/// it is. The engine attaches it to <see cref="Microsoft.Extensions.AI.ChatOptions"/> so that seeding and
/// recording decorators, which see only messages and options, can derive seeds and label records.
/// </summary>
public sealed record ModelCallContext
{
    public ModelCallContext(string role, long eventIndex, int attempt = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentOutOfRangeException.ThrowIfNegative(eventIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        Role = role;
        EventIndex = eventIndex;
        Attempt = attempt;
    }

    /// <summary>Which agent and phase asks; format failures are counted per role.</summary>
    public string Role { get; init; }

    /// <summary>The index of the event in the episode that this call serves.</summary>
    public long EventIndex { get; init; }

    /// <summary>1 for the first ask, 2 for the first re-ask after an invalid reply, and so on.</summary>
    public int Attempt { get; init; }
}

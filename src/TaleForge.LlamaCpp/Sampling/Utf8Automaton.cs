namespace TaleForge.LlamaCpp.Sampling;

/// <summary>Where a byte stream stands in strict UTF-8 (RFC 3629): between characters, or what the pending one needs next.</summary>
internal enum Utf8State : byte
{
    /// <summary>No character pending: the next byte must start one.</summary>
    Complete,

    /// <summary>One continuation byte (80-BF) finishes the character.</summary>
    NeedsOne,

    /// <summary>Two continuation bytes (80-BF) follow.</summary>
    NeedsTwo,

    /// <summary>Three continuation bytes (80-BF) follow.</summary>
    NeedsThree,

    /// <summary>After E0: A0-BF, then one more (80-9F would be an overlong form).</summary>
    AfterE0,

    /// <summary>After ED: 80-9F, then one more (A0-BF would encode a surrogate).</summary>
    AfterED,

    /// <summary>After F0: 90-BF, then two more (80-8F would be an overlong form).</summary>
    AfterF0,

    /// <summary>After F4: 80-8F, then two more (90-BF would be above U+10FFFF).</summary>
    AfterF4,

    /// <summary>The bytes so far are not UTF-8, whatever follows.</summary>
    Invalid = 0xFF,
}

/// <summary>
/// The strict UTF-8 automaton: no overlong forms, no surrogates, nothing above U+10FFFF, no stray continuation
/// bytes, no C0, C1 or F5-FF. A stream is valid UTF-8 when every byte is accepted and it ends in
/// <see cref="Utf8State.Complete"/>.
/// </summary>
internal static class Utf8Automaton
{
    /// <summary>The number of states other than <see cref="Utf8State.Invalid"/>.</summary>
    public const int StateCount = 8;

    // Row per state, column per byte: 2 KiB, built once.
    private static readonly Utf8State[] Transitions = BuildTransitions();

    public static Utf8State Step(Utf8State state, byte value) =>
        state == Utf8State.Invalid ? Utf8State.Invalid : Transitions[((int)state << 8) | value];

    /// <summary>The state after <paramref name="bytes"/>, starting from <paramref name="state"/>.</summary>
    public static Utf8State Run(Utf8State state, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            state = Step(state, value);
            if (state == Utf8State.Invalid)
            {
                break;
            }
        }
        return state;
    }

    private static Utf8State[] BuildTransitions()
    {
        var table = new Utf8State[StateCount * 256];
        for (var state = 0; state < StateCount; state++)
        {
            for (var value = 0; value < 256; value++)
            {
                table[(state << 8) | value] = Next((Utf8State)state, (byte)value);
            }
        }
        return table;
    }

    private static Utf8State Next(Utf8State state, byte value) => state switch
    {
        Utf8State.Complete => value switch
        {
            <= 0x7F => Utf8State.Complete,
            >= 0xC2 and <= 0xDF => Utf8State.NeedsOne,
            0xE0 => Utf8State.AfterE0,
            0xED => Utf8State.AfterED,
            >= 0xE1 and <= 0xEF => Utf8State.NeedsTwo,
            0xF0 => Utf8State.AfterF0,
            >= 0xF1 and <= 0xF3 => Utf8State.NeedsThree,
            0xF4 => Utf8State.AfterF4,
            _ => Utf8State.Invalid,
        },
        Utf8State.NeedsOne => Continuation(value, 0x80, 0xBF, Utf8State.Complete),
        Utf8State.NeedsTwo => Continuation(value, 0x80, 0xBF, Utf8State.NeedsOne),
        Utf8State.NeedsThree => Continuation(value, 0x80, 0xBF, Utf8State.NeedsTwo),
        Utf8State.AfterE0 => Continuation(value, 0xA0, 0xBF, Utf8State.NeedsOne),
        Utf8State.AfterED => Continuation(value, 0x80, 0x9F, Utf8State.NeedsOne),
        Utf8State.AfterF0 => Continuation(value, 0x90, 0xBF, Utf8State.NeedsTwo),
        Utf8State.AfterF4 => Continuation(value, 0x80, 0x8F, Utf8State.NeedsTwo),
        _ => Utf8State.Invalid,
    };

    private static Utf8State Continuation(byte value, byte low, byte high, Utf8State then) =>
        value >= low && value <= high ? then : Utf8State.Invalid;
}

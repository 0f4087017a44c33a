using System.Runtime.CompilerServices;
using TaleForge.LlamaCpp.Model;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>
/// For one vocabulary, the <see cref="Utf8Automaton"/> state after each token from each state, computed once per
/// model so that sampling only looks values up. A token is refused from a state when its bytes break UTF-8 there,
/// when it ends generation while a character is pending, or when it leads to a state from which no sequence of
/// tokens of this vocabulary can finish the character (so the filter can never leave a sequence stuck).
/// </summary>
internal sealed class Utf8TokenTable
{
    private static readonly ConditionalWeakTable<LlamaModel, Utf8TokenTable> ByModel = [];

    // Row per state, one entry per token: 8 bytes per token (1 MiB for a 128k vocabulary).
    private readonly Utf8State[] _next;
    private readonly int[] _refusedAtStart;

    private Utf8TokenTable(int vocabularySize, Utf8State[] next)
    {
        VocabularySize = vocabularySize;
        _next = next;
        var refused = new List<int>();
        var start = Row(Utf8State.Complete);
        for (var token = 0; token < vocabularySize; token++)
        {
            if (start[token] == Utf8State.Invalid)
            {
                refused.Add(token);
            }
        }
        _refusedAtStart = [.. refused];
    }

    public int VocabularySize { get; }

    /// <summary>Tokens refused when no character is pending, in id order: the only ones masked then.</summary>
    public ReadOnlySpan<int> RefusedAtStart => _refusedAtStart;

    /// <summary>The table of <paramref name="model"/>'s vocabulary, built on first use and kept as long as the model.</summary>
    public static Utf8TokenTable For(LlamaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ByModel.GetValue(model, static m => Build(m.VocabularySize, m.TokenBytes, m.IsEndOfGeneration));
    }

    /// <summary>
    /// Builds the table from each token's bytes (those the output text receives) and whether it ends generation
    /// (its bytes are then never shown).
    /// </summary>
    public static Utf8TokenTable Build(int vocabularySize, Func<int, byte[]> bytesOf, Func<int, bool> endsGeneration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentNullException.ThrowIfNull(bytesOf);
        ArgumentNullException.ThrowIfNull(endsGeneration);
        var next = new Utf8State[Utf8Automaton.StateCount * vocabularySize];
        for (var token = 0; token < vocabularySize; token++)
        {
            if (endsGeneration(token))
            {
                next[token] = Utf8State.Complete;
                for (var state = 1; state < Utf8Automaton.StateCount; state++)
                {
                    next[(state * vocabularySize) + token] = Utf8State.Invalid;
                }
                continue;
            }
            var bytes = bytesOf(token);
            for (var state = 0; state < Utf8Automaton.StateCount; state++)
            {
                next[(state * vocabularySize) + token] = Utf8Automaton.Run((Utf8State)state, bytes);
            }
        }
        RefuseDeadEnds(next, vocabularySize);
        return new Utf8TokenTable(vocabularySize, next);
    }

    /// <summary>The state after <paramref name="token"/> from <paramref name="state"/>, or <see cref="Utf8State.Invalid"/>.</summary>
    public Utf8State Next(Utf8State state, int token) => _next[((int)state * VocabularySize) + token];

    /// <summary>Every token's next state from <paramref name="state"/>, indexed by token id.</summary>
    public ReadOnlySpan<Utf8State> Row(Utf8State state) => _next.AsSpan((int)state * VocabularySize, VocabularySize);

    /// <summary>
    /// Keeps only states from which some tokens lead back to <see cref="Utf8State.Complete"/>, and refuses every
    /// token that leads anywhere else. With a byte for every token all states stay; a vocabulary without
    /// continuation bytes could otherwise start a character it cannot finish.
    /// </summary>
    private static void RefuseDeadEnds(Utf8State[] next, int vocabularySize)
    {
        Span<bool> live = stackalloc bool[Utf8Automaton.StateCount];
        live[(int)Utf8State.Complete] = true;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var state = 1; state < Utf8Automaton.StateCount; state++)
            {
                if (!live[state] && LeadsToLive(next.AsSpan(state * vocabularySize, vocabularySize), live))
                {
                    live[state] = true;
                    changed = true;
                }
            }
        }
        for (var i = 0; i < next.Length; i++)
        {
            if (next[i] != Utf8State.Invalid && !live[(int)next[i]])
            {
                next[i] = Utf8State.Invalid;
            }
        }
    }

    private static bool LeadsToLive(ReadOnlySpan<Utf8State> row, ReadOnlySpan<bool> live)
    {
        foreach (var state in row)
        {
            if (state != Utf8State.Invalid && live[(int)state])
            {
                return true;
            }
        }
        return false;
    }
}

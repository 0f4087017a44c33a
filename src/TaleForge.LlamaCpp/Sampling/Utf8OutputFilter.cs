using TaleForge.LlamaCpp.Native;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>
/// One sequence's place in the UTF-8 of its output, and the candidates that place rules out. With no character
/// pending only the few tokens refused at the start of a character are masked, by index, when each sits at its
/// own index (llama.cpp hands a chain every token in id order, and the stages before this one keep that order);
/// otherwise, and while a character is pending, every candidate is looked up.
/// </summary>
internal sealed class Utf8OutputFilter(Utf8TokenTable table)
{
    public Utf8TokenTable Table { get; } = table;

    public Utf8State State { get; private set; } = Utf8State.Complete;

    /// <summary>Steps with nothing pending that masked by index (the sparse path).</summary>
    public long IndexedPasses { get; private set; }

    /// <summary>Steps with nothing pending that had to look every candidate up: the candidates were not in id order.</summary>
    public long UnorderedPasses { get; private set; }

    /// <summary>Steps with a character pending, which look every candidate up.</summary>
    public long PendingPasses { get; private set; }

    /// <summary>Steps that masked nothing because no allowed candidate was left (a grammar demanding invalid bytes).</summary>
    public long StoodAside { get; private set; }

    /// <summary>Moves past a sampled token. A token the filter would have refused starts afresh: the past cannot be mended.</summary>
    public void Accept(int token)
    {
        if ((uint)token >= (uint)Table.VocabularySize)
        {
            return;
        }
        var next = Table.Next(State, token);
        State = next == Utf8State.Invalid ? Utf8State.Complete : next;
    }

    public void Reset() => State = Utf8State.Complete;

    public Utf8OutputFilter Clone() => new(Table) { State = State };

    /// <summary>Sets the logit of every refused candidate to -infinity; returns how many were masked.</summary>
    public int Apply(Span<LlamaTokenData> candidates)
    {
        var row = Table.Row(State);
        // Leaving no candidate would make llama.cpp's draw pick an arbitrary token, and a grammar then aborts the
        // process; better broken text than that. Usually the first candidate already answers.
        if (!AnyAllowed(candidates, row))
        {
            StoodAside++;
            return 0;
        }
        if (State != Utf8State.Complete)
        {
            PendingPasses++;
        }
        else if (TryMaskByIndex(candidates, out var masked))
        {
            IndexedPasses++;
            return masked;
        }
        else
        {
            UnorderedPasses++;
        }
        return MaskByLookup(candidates, row);
    }

    /// <summary>The sparse path: false, leaving the rest to the full pass, unless each refused token sits at its own index.</summary>
    private bool TryMaskByIndex(Span<LlamaTokenData> candidates, out int masked)
    {
        masked = 0;
        var refused = Table.RefusedAtStart;
        if (candidates.Length != Table.VocabularySize)
        {
            return false;
        }
        foreach (var token in refused)
        {
            ref var candidate = ref candidates[token];
            if (candidate.Id != token)
            {
                return false;
            }
            if (candidate.Logit != float.NegativeInfinity)
            {
                candidate.Logit = float.NegativeInfinity;
                masked++;
            }
        }
        return true;
    }

    private static int MaskByLookup(Span<LlamaTokenData> candidates, ReadOnlySpan<Utf8State> row)
    {
        var masked = 0;
        foreach (ref var candidate in candidates)
        {
            if (((uint)candidate.Id >= (uint)row.Length || row[candidate.Id] == Utf8State.Invalid) && candidate.Logit != float.NegativeInfinity)
            {
                candidate.Logit = float.NegativeInfinity;
                masked++;
            }
        }
        return masked;
    }

    private static bool AnyAllowed(ReadOnlySpan<LlamaTokenData> candidates, ReadOnlySpan<Utf8State> row)
    {
        foreach (ref readonly var candidate in candidates)
        {
            if ((uint)candidate.Id < (uint)row.Length && row[candidate.Id] != Utf8State.Invalid && candidate.Logit != float.NegativeInfinity)
            {
                return true;
            }
        }
        return false;
    }
}

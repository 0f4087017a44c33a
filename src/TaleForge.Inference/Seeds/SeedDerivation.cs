using System.Text;
using TaleForge.Inference.Calls;

namespace TaleForge.Inference.Seeds;

/// <summary>
/// Derives the sampling seed of each model call from the episode seed, so that a replay with the same episode
/// seed samples the same way. The function is pure and fixed forever (changing it would change every recorded
/// trajectory): SplitMix64's finalizer mixes the episode seed, then the event index, then a 64-bit FNV-1a hash of
/// the role's UTF-8 bytes (string.GetHashCode differs between processes, so it is never used), and the result is
/// reduced modulo 2^32 - 1. Seeds therefore fit llama.cpp's 32-bit seed and never equal 0xFFFFFFFF, which
/// llama.cpp reads as "pick a random seed".
/// </summary>
public static class SeedDerivation
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private const ulong FnvOffset = 0xCBF29CE484222325;
    private const ulong FnvPrime = 0x00000100000001B3;

    /// <summary>The largest seed returned; one below llama.cpp's "random seed" value.</summary>
    public const long MaxSeed = 0xFFFFFFFE;

    /// <summary>The seed for the call of <paramref name="role"/> at <paramref name="eventIndex"/>, in [0, <see cref="MaxSeed"/>].</summary>
    public static long Derive(long episodeSeed, long eventIndex, string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentOutOfRangeException.ThrowIfNegative(eventIndex);
        var state = Mix(unchecked((ulong)episodeSeed + Golden));
        state = Mix(state ^ unchecked(((ulong)eventIndex * Golden) + 1));
        state = Mix(state ^ Fnv1a(role));
        return (long)(state % (MaxSeed + 1));
    }

    /// <summary>
    /// The seed for a call described by <paramref name="context"/>. A re-ask (attempt 2 on) mixes in the attempt
    /// number, so a retry does not resample the same way from the same position.
    /// </summary>
    public static long Derive(long episodeSeed, ModelCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.Attempt == 1 ? context.Role : $"{context.Role}#{context.Attempt}";
        return Derive(episodeSeed, context.EventIndex, role);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }
        return hash;
    }
}

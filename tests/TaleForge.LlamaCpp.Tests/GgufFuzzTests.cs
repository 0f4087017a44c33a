using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using TaleForge.LlamaCpp.Gguf;
using Xunit.Abstractions;

namespace TaleForge.LlamaCpp.Tests;

/// <summary>
/// Random damage to the bytes of a valid model (flipped bytes, overwritten words, cuts, inserted runs): reading and
/// checking it either succeeds or throws <see cref="InvalidModelFileException"/>, never another exception, and
/// never takes long. Bounded to about 30 s; TALEFORGE_FUZZ_SECONDS runs it longer (docs/reliability.md).
/// </summary>
[Slow]
public class GgufFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] _tiny = File.ReadAllBytes(TestModels.TinyPath);

    /// <summary>The run's time budget: 30 s unless TALEFORGE_FUZZ_SECONDS asks for more.</summary>
    public static TimeSpan Budget =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("TALEFORGE_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : 30);

    public sealed record Damage(int Kind, int At, ulong Value, int Length)
    {
        public byte[] Apply(byte[] original)
        {
            if (original.Length == 0)
            {
                return original;
            }
            // Most of what matters is in the header and tables, so damage lands there nine times in ten.
            var header = Math.Min(original.Length, 12_000);
            var at = (int)((uint)At % (uint)(Kind % 10 == 0 ? original.Length : header));
            var bytes = (byte[])original.Clone();
            switch (Kind % 4)
            {
                case 0:
                    bytes[at] ^= (byte)(Value | 1);
                    return bytes;
                case 1:
                    BitConverter.TryWriteBytes(bytes.AsSpan(at, Math.Min(8, bytes.Length - at)), Value);
                    return bytes;
                case 2:
                    return bytes[..at];
                default:
                    return [.. bytes[..at], .. Enumerable.Repeat((byte)Value, Length % 64), .. bytes[at..]];
            }
        }
    }

    private static Arbitrary<Damage[]> Damages() =>
        (from kind in Gen.Choose(0, 1000)
         from at in Gen.Choose(0, int.MaxValue)
         from value in Gen.Elements(0UL, 1UL, 0xFFUL, 0xFFFF_FFFFUL, ulong.MaxValue, 1UL << 40, 0x7FC0_0000UL, 0x7F80_0000UL, 3UL, 9UL, 12UL)
         from length in Gen.Choose(1, 64)
         select new Damage(kind, at, value, length)).ArrayOf().ToArbitrary();

    [Fact]
    public void Damaged_model_bytes_are_read_or_refused_never_thrown_otherwise_within_the_budget()
    {
        var path = TestModels.NewTemporaryFile("fuzzed.gguf");
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var refused = 0;
        while (clock.Elapsed < Budget)
        {
            Prop.ForAll(Damages(), damages =>
            {
                File.WriteAllBytes(path, damages.Take(4).Aggregate(_tiny, (bytes, damage) => damage.Apply(bytes)));
                cases++;
                var started = Stopwatch.StartNew();
                try
                {
                    ModelFileCheck.Check(GgufReader.Read(path));
                }
                catch (InvalidModelFileException error)
                {
                    refused++;
                    Assert.False(string.IsNullOrWhiteSpace(error.Problem));
                }
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"one file took {started.Elapsed}");
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
        }

        output.WriteLine($"{cases} damaged files, {refused} refused, in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(cases >= 200, $"only {cases} cases ran");
        Assert.True(refused > cases / 2, $"{refused} of {cases} refused: the damage is too mild to test anything");
    }
}

using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests;

/// <summary>
/// The trajectory reader given damaged files: truncated, lines garbled, dropped, doubled or swapped, bytes that are
/// not UTF-8. Each reads, or fails with a TaleForgeException naming the file and line; nothing else escapes.
/// </summary>
public sealed partial class TrajectoryFuzzTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-trajectory-fuzz-").FullName;
    private readonly byte[] _original;

    public TrajectoryFuzzTests()
    {
        var world = TestWorld.Harbour();
        var save = Path.Combine(_folder, "game");
        using (var slot = SaveSlot.Create(save, new TrajectoryHeader
        {
            Taleforge = "test",
            Created = DateTimeOffset.UnixEpoch,
            World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
            Seed = 3,
            Player = "mara",
            Mode = "authored",
        }))
        {
            var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });
            session.RunAsync().GetAwaiter().GetResult();
            session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Take("lantern") }).GetAwaiter().GetResult();
            session.SubmitAsync(new CharacterTurn { Dialogue = "Fog \u001b]0;title\u0007 coming." }).GetAwaiter().GetResult();
            session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Go("north") }).GetAwaiter().GetResult();
        }
        _original = File.ReadAllBytes(Path.Combine(save, SaveSlot.TrajectoryFileName));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One change to a file: what kind, where (as fractions of the file), and what it brings.</summary>
    public sealed record Damage(int Kind, double Where, double Other, string Junk, byte[] Bytes)
    {
        public byte[] Apply(byte[] content)
        {
            var lines = Encoding.UTF8.GetString(content).Split('\n').ToList();
            int LineAt(double at) => Math.Clamp((int)(at * lines.Count), 0, lines.Count - 1);
            var at = LineAt(Where);
            switch (Kind)
            {
                case 0:
                    return content[..Math.Clamp((int)(Where * content.Length), 0, content.Length)];
                case 1:
                    lines[at] = Junk;
                    break;
                case 2:
                    lines.RemoveAt(at);
                    break;
                case 3:
                    lines.Insert(at, lines[LineAt(Other)]);
                    break;
                case 4:
                    (lines[at], lines[LineAt(Other)]) = (lines[LineAt(Other)], lines[at]);
                    break;
                case 5:
                    var column = Math.Clamp((int)(Other * lines[at].Length), 0, lines[at].Length);
                    lines[at] = lines[at][..column] + Junk + lines[at][column..];
                    break;
                default:
                    var bytes = content.ToList();
                    bytes.InsertRange(Math.Clamp((int)(Where * bytes.Count), 0, bytes.Count), Bytes);
                    return [.. bytes];
            }
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
    }

    private static Gen<string> Junk { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("{", "}", "[]", "null", "{\"record\":\"event\"}", "{\"record\":\"call\",\"step\":-1}", "{\"record\":\"checkpoint\",\"step\":1e400}",
            "\"", "\\", ":", ",", "{\"step\":\"x\"}", "{\"record\":\"header\"}", "\u0000", "\ud800", "9999999999999999999999"));

    private static Gen<Damage> Damages { get; } =
        from kind in Gen.Choose(0, 6)
        from place in Gen.Choose(0, 1000).Select(n => n / 1000.0)
        from other in Gen.Choose(0, 1000).Select(n => n / 1000.0)
        from junk in Junk
        from bytes in ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? [])
        select new Damage(kind, place, other, junk, bytes);

    [Fact]
    public void A_damaged_trajectory_reads_or_says_which_file_and_line_never_anything_else()
    {
        var path = Path.Combine(_folder, "damaged.jsonl");
        var cases = 0;
        var refused = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(FuzzCases.Or(400)), Prop.ForAll(Damages.ListOf().Select(d => d.Take(3).ToArray()).ToArbitrary(), damages =>
        {
            cases++;
            File.WriteAllBytes(path, damages.Aggregate(_original, (content, damage) => damage.Apply(content)));
            try
            {
                var file = TrajectoryFile.Read(path);
                _ = file.LastEvent;
                return true;
            }
            catch (TaleForgeException e)
            {
                refused++;
                return FileAndLine().IsMatch(e.Message) && e.Message.StartsWith(path + ":", StringComparison.Ordinal);
            }
        }));
        Assert.True(cases >= Math.Min(400, FuzzCases.Or(400)), $"{cases} cases tried");
        Assert.InRange(refused, 1, cases);
    }

    /// <summary>Found by the test above: bytes that are not UTF-8 inside a name of the header's JSON.</summary>
    [Fact]
    public void A_header_with_a_name_that_is_not_utf8_is_refused_naming_line_1()
    {
        var path = Path.Combine(_folder, "bad-utf8.jsonl");
        var header = _original.AsSpan(0, Array.IndexOf(_original, (byte)'\n')).ToArray();
        var quote = Array.IndexOf(header, (byte)'"', 2);
        File.WriteAllBytes(path, [.. header[..quote], 0x9D, 0xFF, .. header[quote..], (byte)'\n']);

        var error = Assert.Throws<TrajectoryException>(() => TrajectoryFile.Read(path));

        Assert.Equal($"{path}:1: the header is not valid UTF-8; the file is damaged; restore it from a backup.", error.Message);
    }

    [Fact]
    public void An_undamaged_trajectory_reads_whole() => Assert.NotNull(ReadOriginal().LastEvent);

    private TrajectoryFile ReadOriginal()
    {
        var path = Path.Combine(_folder, "whole.jsonl");
        File.WriteAllBytes(path, _original);
        return TrajectoryFile.Read(path);
    }

    [GeneratedRegex(@"^.+:\d+: .+")]
    private static partial Regex FileAndLine();
}

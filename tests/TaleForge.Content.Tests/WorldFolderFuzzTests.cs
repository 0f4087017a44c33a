using System.Diagnostics;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using TaleForge.Content.Sources;
using Xunit.Abstractions;

namespace TaleForge.Content.Tests;

/// <summary>
/// Random world folders: sample files damaged byte by byte, cut or duplicated, beside named pipes, links (to
/// devices, outside, to each other), folders named like YAML files, empty and oversized files, and includes that
/// point at any of them. Loading gives diagnostics, never an exception, and never blocks. Bounded to about 30 s;
/// TALEFORGE_FUZZ_SECONDS runs it longer (docs/reliability.md).
/// </summary>
[Slow]
public sealed partial class WorldFolderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] _samples =
    [
        File.ReadAllText(Path.Combine(Repository.Worlds, "greywick", "world.yaml")),
        File.ReadAllText(Path.Combine(Repository.Worlds, "greywick", "characters", "abel.yaml")),
        File.ReadAllText(Path.Combine(Repository.Worlds, "greywick", "scenes", "1-evening-tide.yaml")),
    ];

    private static readonly string[] _places = ["world.yaml", "characters/a.yaml", "characters/b.yml", "scenes/s.yaml", "lore/l.yaml", "places/p.yaml", "notes.yaml"];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static TimeSpan Budget =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("TALEFORGE_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : 30);

    /// <summary>What one path of the folder is: a kind and a few numbers that shape it.</summary>
    public sealed record Entry(int Place, int Kind, int Sample, int At, byte Value);

    private static Arbitrary<Entry[]> Entries() =>
        (from place in Gen.Choose(0, _places.Length - 1)
         from kind in Gen.Choose(0, 11)
         from sample in Gen.Choose(0, _samples.Length - 1)
         from at in Gen.Choose(0, 50_000)
         from value in Gen.Elements<byte>(0, 1, 0x0A, 0x22, 0x3A, 0x5B, 0x7B, 0x80, 0xC3, 0xFF, 0x2D, 0x26)
         select new Entry(place, kind, sample, at, value)).ArrayOf().ToArbitrary();

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);

    private void Build(string root, Entry[] entries)
    {
        Directory.CreateDirectory(root);
        foreach (var entry in entries.Take(8))
        {
            var path = Path.Combine(root, _places[entry.Place]);
            if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = _samples[entry.Sample];
            if (entry.Place == 0)
            {
                text = text.Replace("spec: taleforge/world@1\n", "spec: taleforge/world@1\ninclude: [places/p.yaml, places, notes.yaml]\n", StringComparison.Ordinal);
            }
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            var at = entry.At % Math.Max(1, bytes.Length);
            switch (entry.Kind)
            {
                case 0: File.WriteAllBytes(path, bytes); break;
                case 1: bytes[at] = entry.Value; File.WriteAllBytes(path, bytes); break;
                case 2: File.WriteAllBytes(path, bytes[..at]); break;
                case 3: File.WriteAllBytes(path, [.. bytes[..at], .. bytes]); break;
                case 4: Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8))); break;
                case 5: File.CreateSymbolicLink(path, "/dev/zero"); break;
                case 6: File.CreateSymbolicLink(path, Path.Combine(root, _places[(entry.Place + 1) % _places.Length])); break;
                case 7: Directory.CreateDirectory(path); break;
                case 8: File.WriteAllBytes(path, []); break;
                case 9: using (var stream = File.Create(path)) { stream.SetLength((2L << 20) + entry.At); } break;
                case 10: File.CreateSymbolicLink(path, "/etc/hostname"); break;
                default: File.WriteAllBytes(path, [.. bytes[..at], .. Enumerable.Repeat(entry.Value, 300), .. bytes[at..]]); break;
            }
        }
    }

    [Fact]
    public void Random_world_folders_of_files_pipes_links_and_folders_give_diagnostics_never_an_exception_or_a_hang()
    {
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var run = 0;
        while (clock.Elapsed < Budget)
        {
            Prop.ForAll(Entries(), entries =>
            {
                var root = Path.Combine(_folder.Path, $"w{run++}");
                Build(root, entries);
                var load = Task.Factory.StartNew(() => WorldLoader.Load(root, SourceLimits.Default), TaskCreationOptions.LongRunning);
                Assert.True(load.Wait(TimeSpan.FromSeconds(10)), $"loading {string.Join(", ", entries.Take(8))} did not finish");
                Assert.All(load.Result.Diagnostics, d => Assert.StartsWith("TF", d.Code, StringComparison.Ordinal));
                cases++;
                Directory.Delete(root, recursive: true);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
        }

        output.WriteLine($"{cases} world folders in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(cases >= 100, $"only {cases} folders were tried");
    }
}

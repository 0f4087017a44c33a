using System.Diagnostics;
using System.Runtime.InteropServices;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Tests;

/// <summary>
/// A world folder holds files, not devices: a named pipe, a device, a folder named like a YAML file or a file too
/// large is refused at once, naming it. Each load runs on a worker with a deadline, so a regression fails the test
/// instead of hanging the run (a blocked open of a pipe cannot be interrupted; the worker is left behind).
/// </summary>
public sealed partial class NonRegularFileTests : IDisposable
{
    private static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(10);
    private const string Valid = "spec: taleforge/world@1\nworld: {id: w, title: W}\nlocations: [{id: hall, name: Hall}]\nscenes: [{id: s, location: hall, end: {max_rounds: 1}}]\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string World => Path.Combine(_folder.Path, "world");

    private static LoadResult LoadWithin(string path)
    {
        var clock = Stopwatch.StartNew();
        var load = Task.Factory.StartNew(() => WorldLoader.Load(path), TaskCreationOptions.LongRunning);
        Assert.True(load.Wait(Deadline), $"loading '{path}' did not finish within {Deadline.TotalSeconds} s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"loading took {clock.Elapsed}");
        return load.Result;
    }

    private void MakeFifo(string relative)
    {
        var path = Path.Combine(World, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);

    [Theory]
    [InlineData("characters/pipe.yaml")]
    [InlineData("scenes/pipe.yaml")]
    [InlineData("lore/pipe.yml")]
    public void A_named_pipe_in_a_section_folder_is_refused_at_once_by_name(string relative)
    {
        _folder.Write("world/world.yaml", Valid);
        MakeFifo(relative);

        var result = LoadWithin(World);

        var d = Expect.Single(result, DiagnosticCodes.NotARegularFile);
        Assert.Equal(Path.Join(World, relative), d.File);
        Assert.Equal($"'{relative}' is a named pipe (FIFO), not a regular file; a world is read from plain files only", d.Message);
        Assert.Null(result.World);
    }

    [Fact]
    public void World_yaml_as_a_named_pipe_is_refused()
    {
        Directory.CreateDirectory(World);
        MakeFifo("world.yaml");

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.NotARegularFile);

        Assert.Equal("'world.yaml' is a named pipe (FIFO), not a regular file; a world is read from plain files only", d.Message);
    }

    [Fact]
    public void An_included_named_pipe_is_refused()
    {
        _folder.Write("world/world.yaml", Valid.Replace("spec: taleforge/world@1\n", "spec: taleforge/world@1\ninclude: [places/pipe.yaml]\n", StringComparison.Ordinal));
        MakeFifo("places/pipe.yaml");

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.NotARegularFile);

        Assert.StartsWith("'places/pipe.yaml' is a named pipe (FIFO)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_given_as_a_one_file_world_is_refused_without_reading_it()
    {
        var d = Expect.Single(LoadWithin("/dev/zero"), DiagnosticCodes.NotARegularFile);

        Assert.Equal("'zero' is a character device, not a regular file; a world is read from plain files only", d.Message);
    }

    [Fact]
    public void A_symbolic_link_to_dev_zero_is_refused_as_a_link()
    {
        _folder.Write("world/world.yaml", Valid);
        Directory.CreateDirectory(Path.Combine(World, "lore"));
        File.CreateSymbolicLink(Path.Combine(World, "lore", "zero.yaml"), "/dev/zero");

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.PathOutsideWorld);

        Assert.Equal("'lore/zero.yaml' is a symbolic link to '/dev/zero', outside the world folder; links are never followed", d.Message);
    }

    [Fact]
    public void A_folder_named_like_a_yaml_file_is_refused_by_name()
    {
        _folder.Write("world/world.yaml", Valid);
        _folder.Write("world/characters/real.yaml/inner.yaml", "spec: taleforge/world@1\n");

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.NotARegularFile);

        Assert.Equal("'characters/real.yaml' is a folder, not a regular file; a world is read from plain files only", d.Message);
    }

    [Fact]
    public void World_yaml_as_a_folder_is_refused_by_name()
    {
        _folder.Write("world/world.yaml/inner.yaml", Valid);

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.NotARegularFile);

        Assert.Equal($"'world.yaml' in '{World}' is a folder, not a file", d.Message);
    }

    [Fact]
    public void A_sparse_file_of_a_gibibyte_is_refused_by_size_without_being_read()
    {
        _folder.Write("world/world.yaml", Valid);
        var huge = Path.Combine(World, "lore", "huge.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(huge)!);
        using (var stream = File.Create(huge))
        {
            stream.SetLength(1L << 30);
        }

        var d = Expect.Single(LoadWithin(World), DiagnosticCodes.FileTooLarge);

        Assert.Equal("the file is 1073741824 bytes; TaleForge reads at most 1 MiB (1048576 bytes) per file", d.Message);
    }

    [Fact]
    public void A_regular_file_opens_and_a_pipe_does_not_whatever_its_name()
    {
        _folder.Write("world/plain.txt", "text");
        MakeFifo("pipe.txt");

        using var plain = RegularFile.Open(Path.Combine(World, "plain.txt"), out var none);
        var pipe = RegularFile.Open(Path.Combine(World, "pipe.txt"), out var refusal);

        Assert.NotNull(plain);
        Assert.Null(none);
        Assert.Null(pipe);
        Assert.Equal("a named pipe (FIFO)", refusal);
    }

    [Fact]
    public void A_file_swapped_for_a_link_after_listing_is_still_not_followed()
    {
        _folder.Write("world/real.yaml", Valid);
        File.CreateSymbolicLink(Path.Combine(World, "link.yaml"), Path.Combine(World, "real.yaml"));

        var stream = RegularFile.Open(Path.Combine(World, "link.yaml"), out var refusal);

        Assert.Null(stream);
        Assert.Equal("a symbolic link", refusal);
    }
}

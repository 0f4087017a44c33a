using System.Text;

namespace TaleForge.Cli.Tests;

/// <summary>
/// Hostile worlds given to 'taleforge validate' end with exit code 1 and a clear message, never a stack trace or a
/// hang. The time bound is only a hang guard; the loader's speed is measured by 'taleforge bench content'.
/// </summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private static TimeSpan HangGuard { get; } = TimeSpan.FromSeconds(5);
    private const string Valid = "spec: taleforge/world@1\nworld: {id: w, title: W}\nlocations: [{id: hall, name: Hall}]\nscenes: [{id: s, location: hall, end: {max_rounds: 1}}]\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string World => Path.Combine(_folder.Path, "world");

    private async Task<CommandRun> ValidateAsync(string expectedMessage)
    {
        var run = await Cli.RunAsync("validate", World);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.True(run.Elapsed < HangGuard, $"validate took {run.Elapsed}");
        return run;
    }

    [Fact]
    public async Task A_file_over_the_size_limit()
    {
        _folder.Write("world/world.yaml", Valid + "# " + new string('x', 2 << 20) + "\n");

        await ValidateAsync($"error TF002: the file is {Valid.Length + 3 + (2 << 20)} bytes; TaleForge reads at most 1 MiB (1048576 bytes) per file");
    }

    [Fact]
    public async Task Nesting_too_deep()
    {
        _folder.Write("world/world.yaml", "spec: taleforge/world@1\nx: " + new string('[', 500_000) + "\n");

        await ValidateAsync("world.yaml:2:35: error TF023: lists and mappings are nested more than 32 levels deep here");
    }

    [Fact]
    public async Task Billion_laughs()
    {
        var laughs = new StringBuilder("spec: taleforge/world@1\nworld:\n  extensions:\n    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 40; i++)
        {
            laughs.Append($"    l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat(i == 1 ? "*a" : $"*l{i - 1}", 9))}]\n");
        }
        _folder.Write("world/world.yaml", laughs.ToString());

        await ValidateAsync("world.yaml:4:8: error TF022: anchors and aliases ('&a') are not part of the format");
    }

    [Fact]
    public async Task Duplicate_keys()
    {
        _folder.Write("world/world.yaml", Valid + "world: {id: again, title: Again}\n");

        await ValidateAsync("world.yaml:5:1: error TF021: the key 'world' appears twice in this mapping (first at line 2, column 1)");
    }

    [Fact]
    public async Task Invalid_UTF8()
    {
        _folder.Write("world/world.yaml", [.. Encoding.UTF8.GetBytes("spec: taleforge/world@1\nworld: {id: w, title: "), 0xFF, 0xFE, .. "}\n"u8.ToArray()]);

        await ValidateAsync("world.yaml:2:23: error TF004: the file is not valid UTF-8: byte 0xFF at offset 46");
    }

    [Fact]
    public async Task Binary_data()
    {
        _folder.Write("world/world.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);

        await ValidateAsync("world.yaml:1:8: error TF005: the file contains a NUL byte, so it is binary data, not YAML text");
    }

    [Fact]
    public async Task An_empty_file()
    {
        _folder.Write("world/world.yaml", "");

        await ValidateAsync("world.yaml:1:1: error TF006: the file is empty");
    }

    [Fact]
    public async Task A_file_that_is_not_a_mapping()
    {
        _folder.Write("world/world.yaml", "- just\n- a list\n");

        await ValidateAsync("world.yaml:1:1: error TF025: the file is a list, not a mapping");
    }

    [Fact]
    public async Task An_include_that_climbs_out_of_the_world()
    {
        _folder.Write("outside.yaml", Valid);
        _folder.Write("world/world.yaml", "spec: taleforge/world@1\ninclude: [../outside.yaml]\n" + Valid[24..]);

        await ValidateAsync("world.yaml:2:11: error TF007: the include '../outside.yaml' uses '..' to leave the world folder");
    }

    [Fact]
    public async Task An_absolute_include()
    {
        var outside = _folder.Write("outside.yaml", Valid);
        _folder.Write("world/world.yaml", $"spec: taleforge/world@1\ninclude: [\"{outside}\"]\n" + Valid[24..]);

        await ValidateAsync($"error TF007: the include '{outside}' is not a path inside the world folder");
    }

    [Fact]
    public async Task A_symbolic_link_pointing_out_of_the_world()
    {
        var outside = _folder.Write("outside.yaml", "spec: taleforge/world@1\n");
        _folder.Write("world/world.yaml", Valid);
        Directory.CreateDirectory(Path.Combine(World, "characters"));
        File.CreateSymbolicLink(Path.Combine(World, "characters", "link.yaml"), outside);

        await ValidateAsync($"error TF007: 'characters/link.yaml' is a symbolic link to '{outside}', outside the world folder; links are never followed");
    }

    [Fact]
    public async Task Too_many_files()
    {
        _folder.Write("world/world.yaml", Valid);
        for (var i = 0; i < 260; i++)
        {
            _folder.Write($"world/lore/l{i:000}.yaml", "spec: taleforge/world@1\n");
        }

        await ValidateAsync("error TF003: the world has more than 256 files, the most TaleForge reads for one world");
    }

    [Fact]
    public async Task A_folder_that_does_not_exist()
    {
        await ValidateAsync($"{World}: error TF001: there is no world folder or file at '{World}'");
    }
}

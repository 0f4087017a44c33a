using System.Diagnostics;
using System.Text;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Tests;

/// <summary>
/// Files made to break a loader are refused with a clear diagnostic, never an exception or a hang. The time bound
/// is only a hang guard; speed is measured by 'taleforge bench content'.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static TimeSpan HangGuard { get; } = TimeSpan.FromSeconds(5);
    private const string Valid = "spec: taleforge/world@1\nworld: {id: w, title: W}\nlocations: [{id: hall, name: Hall}]\nscenes: [{id: s, location: hall, end: {max_rounds: 1}}]\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string World => Path.Combine(_folder.Path, "world");

    private LoadResult Load(SourceLimits? limits = null)
    {
        var clock = Stopwatch.StartNew();
        var result = WorldLoader.Load(World, limits);
        Assert.True(clock.Elapsed < HangGuard, $"loading took {clock.Elapsed}");
        return result;
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_refused_without_being_parsed()
    {
        _folder.Write("world/world.yaml", Valid);
        _folder.Write("world/lore/huge.yaml", "spec: taleforge/world@1\n# " + new string('x', 1 << 20) + "\n");

        var d = Expect.Single(Load(), DiagnosticCodes.FileTooLarge);

        Assert.Equal(Path.Join(World, "lore/huge.yaml"), d.File);
        Assert.Equal("the file is 1048603 bytes; TaleForge reads at most 1 MiB (1048576 bytes) per file", d.Message);
    }

    [Fact]
    public void Text_in_memory_gets_the_same_size_limit_as_a_file()
    {
        var result = WorldLoader.LoadText(Valid + "# " + new string('x', 1 << 20) + "\n");

        Assert.Equal("the text is larger than the 1048576 bytes TaleForge reads per file", Expect.Single(result, DiagnosticCodes.FileTooLarge).Message);
    }

    [Fact]
    public void A_world_whose_files_together_pass_the_total_limit_is_refused()
    {
        _folder.Write("world/world.yaml", Valid);
        _folder.Write("world/lore/a.yaml", "spec: taleforge/world@1\n# " + new string('x', 600) + "\n");

        var d = Expect.Single(Load(new SourceLimits { MaxTotalBytes = 500 }), DiagnosticCodes.FileTooLarge);

        Assert.Equal("the world's files together pass 500 bytes, the most TaleForge reads for one world", d.Message);
    }

    [Fact]
    public void A_world_with_too_many_files_is_refused_once()
    {
        _folder.Write("world/world.yaml", Valid);
        for (var i = 0; i < 300; i++)
        {
            _folder.Write($"world/characters/c{i:000}.yaml", "spec: taleforge/world@1\n");
        }

        var d = Expect.Single(Load(), DiagnosticCodes.TooManyFiles);

        Assert.Equal("the world has more than 256 files, the most TaleForge reads for one world", d.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_at_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(Encoding.UTF8.GetBytes("# caf")).Append((byte)0xE9).Concat("!\n"u8.ToArray()).ToArray();
        _folder.Write("world/world.yaml", bytes);

        var d = Expect.Single(Load(), DiagnosticCodes.InvalidUtf8);

        Expect.At(d, Path.Join(World, "world.yaml"), 5, 6);
        Assert.Equal($"the file is not valid UTF-8: byte 0xE9 at offset {Valid.Length + 5} does not start or continue a character", d.Message);
    }

    [Fact]
    public void A_UTF16_file_is_refused_with_the_encoding_named()
    {
        _folder.Write("world/world.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray());

        Assert.Equal("the file is UTF-16, not UTF-8", Expect.Single(Load(), DiagnosticCodes.InvalidUtf8).Message);
    }

    [Theory]
    [InlineData("\0", "the file contains a NUL byte, so it is binary data, not YAML text")]
    [InlineData("\u0001", "the file contains the control character U+0001, so it is binary data, not YAML text")]
    [InlineData("\u2028", "the file contains the line separator U+2028, which YAML readers count as a line break and editors do not")]
    public void Binary_data_is_refused_at_its_position(string character, string message)
    {
        _folder.Write("world/world.yaml", Valid + "title: x" + character + "y\n");

        var d = Expect.Single(Load(), DiagnosticCodes.BinaryData);

        Expect.At(d, Path.Join(World, "world.yaml"), 5, 9);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        _folder.Write("world/world.yaml", Valid);
        _folder.Write("world/scenes/empty.yaml", "");

        var d = Expect.Single(Load(), DiagnosticCodes.EmptyFile);

        Assert.Equal(Path.Join(World, "scenes/empty.yaml"), d.File);
        Assert.Equal("the file is empty", d.Message);
    }

    [Fact]
    public void A_billion_laughs_file_is_refused_at_the_first_anchor_without_expanding_anything()
    {
        var laughs = new StringBuilder("spec: taleforge/world@1\nworld:\n  extensions:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 30; i++)
        {
            var refs = string.Join(",", Enumerable.Repeat($"*l{i - 1}", 9)).Replace("*l0", "*a", StringComparison.Ordinal);
            laughs.Append($"    l{i}: &l{i} [{refs}]\n");
        }
        _folder.Write("world/world.yaml", laughs.ToString());

        var result = Load();

        var d = Expect.Single(result, DiagnosticCodes.AnchorOrAlias);
        Expect.At(d, Path.Join(World, "world.yaml"), 4, 8);
        Assert.Equal("anchors and aliases ('&a') are not part of the format", d.Message);
    }

    [Fact]
    public void A_megabyte_of_nested_brackets_is_refused_at_the_depth_limit()
    {
        _folder.Write("world/world.yaml", "spec: taleforge/world@1\nx: " + new string('[', 1_000_000) + "\n");

        var d = Expect.Single(Load(), DiagnosticCodes.TooDeep);

        Expect.At(d, Path.Join(World, "world.yaml"), 2, 35);
    }

    [Fact]
    public void A_megabyte_long_line_of_text_is_read_without_trouble()
    {
        _folder.Write("world/world.yaml", Valid.Replace("title: W", "title: W, premise: " + new string('x', 1_000_000), StringComparison.Ordinal));

        var result = Load();

        Expect.Clean(result);
        Assert.Equal(1_000_000, result.World!.Info.Premise.Length);
    }

    [Fact]
    public void Thousands_of_problems_are_capped_with_a_closing_note()
    {
        var junk = string.Concat(Enumerable.Range(0, 2000).Select(i => $"  junk{i}: x\n"));
        _folder.Write("world/world.yaml", "spec: taleforge/world@1\nworld:\n  id: w\n  title: W\n" + junk);

        var result = Load();

        Assert.Equal(501, result.Diagnostics.Count);
        Assert.Equal(DiagnosticCodes.TooManyProblems, result.Diagnostics[^1].Code);
        Assert.Equal("more than 500 problems; the rest are not shown", result.Diagnostics[^1].Message);
    }

    [Fact]
    public void A_link_to_a_file_outside_the_world_is_refused_and_never_read()
    {
        var secret = _folder.Write("secret.yaml", "spec: taleforge/world@1\nlore: [{id: stolen, text: SECRET, always: true}]\n");
        _folder.Write("world/world.yaml", Valid);
        Directory.CreateDirectory(Path.Combine(World, "lore"));
        File.CreateSymbolicLink(Path.Combine(World, "lore", "evil.yaml"), secret);

        var result = Load();

        var d = Expect.Single(result, DiagnosticCodes.PathOutsideWorld);
        Assert.Equal($"'lore/evil.yaml' is a symbolic link to '{secret}', outside the world folder; links are never followed", d.Message);
        Assert.Null(result.World);
        Assert.Empty(result.Draft!.Lore);
    }

    [Fact]
    public void A_linked_folder_is_refused_and_a_link_inside_the_world_is_not_followed_either()
    {
        var outside = Path.Combine(_folder.Path, "elsewhere");
        _folder.Write("elsewhere/scene.yaml", "spec: taleforge/world@1\n");
        _folder.Write("world/world.yaml", Valid);
        File.CreateSymbolicLink(Path.Combine(World, "scenes"), outside);
        Directory.CreateDirectory(Path.Combine(World, "lore"));
        File.CreateSymbolicLink(Path.Combine(World, "lore", "again.yaml"), Path.Combine(World, "world.yaml"));

        var result = Load();

        Assert.Equal(
            [
                $"'scenes' is a symbolic link to '{outside}', outside the world folder; links are never followed",
                "'lore/again.yaml' is a symbolic link; links are never followed, so that a world cannot reach outside its folder",
            ],
            result.Diagnostics.Select(d => d.Message));
    }

    [Theory]
    [InlineData("../secret.yaml", DiagnosticCodes.PathOutsideWorld, "the include '../secret.yaml' uses '..' to leave the world folder")]
    [InlineData("places/../../secret.yaml", DiagnosticCodes.PathOutsideWorld, "the include 'places/../../secret.yaml' uses '..' to leave the world folder")]
    [InlineData("/etc/passwd", DiagnosticCodes.PathOutsideWorld, "the include '/etc/passwd' is not a path inside the world folder")]
    [InlineData("places/missing.yaml", DiagnosticCodes.IncludeNotFound, "the include 'places/missing.yaml' names nothing: there is no such file or folder in the world")]
    [InlineData("notes.txt", DiagnosticCodes.InvalidValue, "the include 'notes.txt' is not a .yaml file")]
    public void An_include_that_leaves_the_world_or_names_nothing_is_refused_at_the_entry(string include, string code, string message)
    {
        _folder.Write("secret.yaml", "spec: taleforge/world@1\n");
        _folder.Write("world/notes.txt", "notes");
        _folder.Write("world/world.yaml", Valid.Replace("spec: taleforge/world@1\n", $"spec: taleforge/world@1\ninclude: [\"{include}\"]\n", StringComparison.Ordinal));

        var d = Expect.Single(Load(), code);

        Expect.At(d, Path.Join(World, "world.yaml"), 2, 11);
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void An_include_through_a_linked_folder_is_refused()
    {
        _folder.Write("elsewhere/places.yaml", "spec: taleforge/world@1\n");
        _folder.Write("world/world.yaml", Valid.Replace("spec: taleforge/world@1\n", "spec: taleforge/world@1\ninclude: [linked/places.yaml]\n", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(World, "linked"), Path.Combine(_folder.Path, "elsewhere"));

        var d = Expect.Single(Load(), DiagnosticCodes.PathOutsideWorld);

        Assert.StartsWith("'linked/places.yaml' is a symbolic link to", d.Message);
    }

    [Fact]
    public void Included_files_and_folders_are_read_after_world_yaml()
    {
        _folder.Write("world/world.yaml", "spec: taleforge/world@1\ninclude: [places, extra/items.yaml]\nworld: {id: w, title: W}\nscenes: [{id: s, location: hall, end: {max_rounds: 1}}]\n");
        _folder.Write("world/places/a.yaml", "spec: taleforge/world@1\nlocations: [{id: hall, name: Hall, items: [cup]}]\n");
        _folder.Write("world/extra/items.yaml", "spec: taleforge/world@1\nitems: [{id: cup, name: cup}]\n");

        var result = Load();

        Expect.Clean(result);
        Assert.Equal(
            [Path.Join(World, "world.yaml"), Path.Join(World, "places/a.yaml"), Path.Join(World, "extra/items.yaml")],
            result.Files);
    }

    [Fact]
    public void A_missing_folder_and_a_folder_without_world_yaml_are_reported()
    {
        var missing = WorldLoader.Load(Path.Combine(_folder.Path, "nothing-here"));
        Directory.CreateDirectory(World);
        var empty = Load();

        Assert.Equal($"there is no world folder or file at '{Path.Combine(_folder.Path, "nothing-here")}'", Expect.Single(missing, DiagnosticCodes.FolderNotFound).Message);
        Assert.Equal($"'{World}' has no world.yaml", Expect.Single(empty, DiagnosticCodes.FolderNotFound).Message);
    }

    [Fact]
    public void A_YAML_file_beside_world_yaml_is_a_warning_since_it_is_not_read()
    {
        _folder.Write("world/world.yaml", Valid);
        _folder.Write("world/characters.yaml", "spec: taleforge/world@1\n");

        var d = Expect.Single(Load(), DiagnosticCodes.IgnoredFile);

        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("characters.yaml is not part of the world, so it is not read", d.Message);
    }

    [Fact]
    public void A_one_file_world_can_be_loaded_by_its_path()
    {
        var file = _folder.Write("single.yaml", Valid);

        var result = WorldLoader.Load(file);

        Expect.Clean(result);
        Assert.Equal([file], result.Files);
    }
}

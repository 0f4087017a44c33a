using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Opening;
using TaleForge.Content.Writing;
using TaleForge.Core;

namespace TaleForge.Content.Tests.Opening;

/// <summary>The one way to name and open a world: a folder, a YAML file, a CharacterBox file or one of its scenes.</summary>
public class WorldSourceTests
{
    private static string Greywick => Path.Combine(Repository.Worlds, "greywick");
    private static string English => Path.Combine(AppContext.BaseDirectory, "CharacterBox", "salt-and-lanterns.json");

    [Theory]
    [InlineData("worlds/greywick", "worlds/greywick", null)]
    [InlineData("/data/one-file.yaml", "/data/one-file.yaml", null)]
    [InlineData("works/tides.json", "works/tides.json", null)]
    [InlineData("works/tides.json#scene=scene-1", "works/tides.json", "scene-1")]
    [InlineData("works/渡口.JSON#scene=0", "works/渡口.JSON", "0")]
    [InlineData("notes/a#scene=b", "notes/a#scene=b", null)]
    public void The_recorded_text_parses_into_path_and_scene_and_prints_back_as_it_was(string text, string path, string? scene)
    {
        var source = WorldSource.Parse(text);

        Assert.Equal((path, scene), (source.Path, source.Scene));
        Assert.Equal(text, source.ToString());
    }

    [Fact]
    public void A_scene_marker_without_a_scene_or_a_scene_of_a_yaml_world_is_refused_with_what_to_write()
    {
        var empty = Assert.Throws<TaleForgeException>(() => WorldSource.Parse("tides.json#scene="));
        var yaml = Assert.Throws<TaleForgeException>(() => WorldSource.SceneOf("worlds/greywick", "evening-tide"));

        Assert.Contains("write tides.json#scene=ID", empty.Message, StringComparison.Ordinal);
        Assert.Contains("'worlds/greywick' is not a CharacterBox scene file", yaml.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_folder_opens_through_the_loader_with_its_content_hash()
    {
        var opened = WorldSource.At(Greywick).Open();

        Assert.Equal("greywick", opened.Definition.Info.Id);
        Assert.Equal(WorldHash.Of(WorldLoader.LoadOrThrow(Greywick)), opened.Hash);
        Assert.StartsWith("sha256:", opened.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_file_yaml_world_opens_like_the_folder_it_was_written_from_with_the_same_hash()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("greywick.yaml", WorldWriter.ToYaml(WorldLoader.LoadOrThrow(Greywick)));

        var opened = WorldSource.Parse(file).Open();

        Assert.Equal("greywick", opened.Definition.Info.Id);
        Assert.Equal(WorldSource.At(Greywick).Open().Hash, opened.Hash);
    }

    [Fact]
    public void A_characterbox_file_opens_whole_or_as_one_scene_with_the_hash_of_that_import()
    {
        var whole = WorldSource.Parse(English).Open();
        var scene = WorldSource.Parse(English + "#scene=1").Open();

        Assert.Equal(["scene-0", "scene-1"], whole.Definition.Scenes.Select(s => s.Id));
        Assert.Equal(["scene-1"], scene.Definition.Scenes.Select(s => s.Id));
        Assert.Equal(WorldHash.Of(CharacterBoxImporter.Load(English, "1")), scene.Hash);
        Assert.NotEqual(whole.Hash, scene.Hash);
        Assert.Equal("1", scene.Source.Scene);
    }

    [Fact]
    public void A_missing_world_is_an_error_that_names_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-world-{Guid.NewGuid():N}");

        var folder = Assert.ThrowsAny<TaleForgeException>(() => WorldSource.At(missing).Open());
        var json = Assert.ThrowsAny<TaleForgeException>(() => WorldSource.At(missing + ".json").Open());

        Assert.Contains(missing, folder.Message, StringComparison.Ordinal);
        Assert.Contains($"{missing}.json: no such file", json.Message, StringComparison.Ordinal);
    }
}

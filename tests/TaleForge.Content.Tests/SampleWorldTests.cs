using NJsonSchema;
using TaleForge.Content.Format;

namespace TaleForge.Content.Tests;

public class SampleWorldTests
{
    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public void Every_sample_world_loads_with_no_errors_and_no_warnings(string world)
    {
        var result = WorldLoader.Load(Path.Combine(Repository.Worlds, world));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.World);
        Assert.Equal(world, result.World.Info.Id);
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public async Task Every_file_of_every_sample_world_validates_against_the_exported_schema(string world)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaExporter.Export());
        foreach (var file in Repository.WorldFiles(Path.Combine(Repository.Worlds, world)))
        {
            var json = YamlToJson.Convert(file, await File.ReadAllTextAsync(file));
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
        }
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public async Task Every_file_of_every_sample_world_names_the_schema_by_a_relative_path_that_exists(string world)
    {
        foreach (var file in Repository.WorldFiles(Path.Combine(Repository.Worlds, world)))
        {
            var firstLine = (await File.ReadAllLinesAsync(file))[0];
            const string prefix = "# yaml-language-server: $schema=";
            Assert.StartsWith(prefix, firstLine);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, firstLine[prefix.Length..]));
            Assert.Equal(Repository.Schema, target);
        }
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public void Every_sample_world_has_a_player_character_and_a_walkthrough(string world)
    {
        var definition = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, world));

        Assert.Single(definition.Characters, c => c.Player);
        Assert.True(File.Exists(Path.Combine(Repository.Docs, "walkthroughs", $"{world}.md")), $"docs/walkthroughs/{world}.md is missing");
    }

    [Fact]
    public void The_English_world_is_the_larger_one_and_the_Chinese_world_is_written_in_Chinese()
    {
        var english = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "greywick"));
        var chinese = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "tea-house-rain"));

        Assert.Equal("en", english.Info.Language);
        Assert.Equal(4, english.Characters.Length);
        Assert.True(english.Scenes.Length >= 3 && english.Locations.Length >= 6);
        Assert.Equal("zh", chinese.Info.Language);
        Assert.Equal(3, chinese.Characters.Length);
        Assert.True(chinese.Scenes.Length >= 2);
    }

    [Fact]
    public void The_Chinese_lore_keys_match_inside_Chinese_sentences()
    {
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "tea-house-rain"));

        Assert.True(world.Lore.Single(l => l.Id == "lu-seal").IsActivatedBy("婆婆，茶印在哪里？"));
        Assert.True(world.Lore.Single(l => l.Id == "old-bush").IsActivatedBy("这是老枞水仙。"));
        Assert.False(world.Lore.Single(l => l.Id == "ming-qian").IsActivatedBy("雨下得很大。"));
    }
}

using System.Text.Json.Nodes;
using NJsonSchema;
using TaleForge.Content.Comparison;
using TaleForge.Content.Format;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Writing;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>Imported worlds written as folders load back through our own loader, unchanged and without a single problem.</summary>
public class CharacterBoxRoundTripTests
{
    public static TheoryData<string, string?> Imports() => new()
    {
        { "salt-and-lanterns.json", null },
        { "salt-and-lanterns.json", "1" },
        { "dukou-yehua.json", null },
    };

    [Slow]
    [Theory]
    [MemberData(nameof(Imports))]
    public void An_imported_world_written_as_a_folder_loads_back_equal_with_no_errors_or_warnings(string file, string? scene)
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "world");
        var imported = CharacterBoxImporter.Load(Path.Combine(AppContext.BaseDirectory, "CharacterBox", file), scene);

        var written = WorldWriter.WriteFolder(imported, target);
        var reloaded = WorldLoader.Load(target);

        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(imported, reloaded.World));
        Assert.Equal(
            [Path.Combine(target, "world.yaml"), Path.Combine(target, "characters", "characters.yaml"), Path.Combine(target, "scenes", "scenes.yaml")],
            written);
    }

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task Every_file_of_an_imported_world_validates_against_the_json_schema(string file, string? scene)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaExporter.Export());
        var imported = CharacterBoxImporter.Load(Path.Combine(AppContext.BaseDirectory, "CharacterBox", file), scene);

        foreach (var source in WorldWriter.ToFiles(imported))
        {
            Assert.Empty(schema.Validate(YamlToJson.Convert(source.Path, source.Text)));
        }
    }

    [Fact]
    public void The_extensions_survive_the_round_trip_down_to_the_source_passage()
    {
        var imported = Fixtures.ImportEnglish();

        var reloaded = WorldLoader.LoadText(WorldWriter.ToYaml(imported)).World!;

        var scene = reloaded.Scene("scene-0");
        Assert.Equal(imported.Scene("scene-0").Extensions, scene.Extensions);
        Assert.EndsWith("On the night before the autumn fleet sailed, the ledger was gone.", Fixtures.Text(scene.Extensions, "characterbox", "chunk", "text"));
        Assert.Equal(imported.Character("mara-quill").Extensions, reloaded.Character("mara-quill").Extensions);
        Assert.Equal(imported.Info.Extensions, reloaded.Info.Extensions);
    }

    [Slow]
    [Fact]
    public void A_work_as_large_as_CharacterBox_s_largest_is_written_in_several_scene_files_that_load_back_equal()
    {
        // Their largest work is about 1 MiB, mostly source passages; a world file may hold at most 1 MiB.
        var passage = string.Concat(Enumerable.Repeat("The tide came in over the stones and went out again, as it always had.\n", 900));
        var scenes = Enumerable.Range(0, 40).Select(i => new JsonObject
        {
            ["id"] = i,
            ["event"] = $"Tide {i}",
            ["characters"] = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "Keeper" }, new JsonObject { ["id"] = 1, ["name"] = $"Visitor {i}" }),
            ["actions"] = new JsonArray(new JsonObject { ["character"] = "Keeper", ["action"] = "The keeper looks up.", ["dialogue"] = "Again?" }),
            ["chunk"] = new JsonObject { ["id"] = i, ["text"] = passage },
        });
        var json = new JsonObject { ["title"] = "Tides", ["scenes"] = new JsonArray([.. scenes]) }.ToJsonString();
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "tides");

        var imported = CharacterBoxImporter.Import(json, "tides.json");
        var written = WorldWriter.WriteFolder(imported, target);
        var reloaded = WorldLoader.Load(target);

        Assert.True(json.Length > 2 << 20);
        Assert.Contains(Path.Combine(target, "scenes", "scenes-1.yaml"), written);
        Assert.DoesNotContain(Path.Combine(target, "scenes", "scenes.yaml"), written);
        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(imported, reloaded.World));
        Assert.Equal(41, reloaded.World!.Characters.Length);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"scene-{i}"), reloaded.World.Scenes.Select(s => s.Id));
    }

    [Fact]
    public void The_imported_world_plays_from_its_start_scene_through_every_scene()
    {
        var world = Fixtures.ImportEnglish();

        var order = new List<string>();
        for (SceneDefinition? scene = world.Scene(world.Info.StartScene); scene is not null;
             scene = scene.Transitions.IsEmpty ? null : world.Scene(scene.Transitions[0].To))
        {
            order.Add(scene.Id);
        }

        Assert.Equal(world.Scenes.Select(s => s.Id), order);
    }
}

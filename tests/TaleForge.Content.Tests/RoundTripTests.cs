using System.Collections.Immutable;
using NJsonSchema;
using TaleForge.Content.Comparison;
using TaleForge.Content.Format;
using TaleForge.Content.Writing;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests;

public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public void A_sample_world_written_as_one_file_loads_back_equal(string world)
    {
        var original = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, world));

        var reloaded = WorldLoader.LoadText(WorldWriter.ToYaml(original));

        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(original, reloaded.World));
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public void A_sample_world_written_as_a_folder_loads_back_equal_and_names_the_schema(string world)
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, world);
        var original = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, world));

        var files = WorldWriter.WriteFolder(original, target, Repository.Schema);
        var reloaded = WorldLoader.Load(target);

        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(original, reloaded.World));
        Assert.Contains(Path.Combine(target, "characters", "characters.yaml"), files);
        foreach (var file in files)
        {
            var reference = File.ReadLines(file).First()["# yaml-language-server: $schema=".Length..];
            Assert.Equal(Repository.Schema, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference)));
        }
    }

    [Fact]
    public void Unknown_keys_under_extensions_survive_a_round_trip_in_order_with_their_types_of_value()
    {
        var yaml = """
            spec: taleforge/world@1
            world:
              id: w
              title: W
              extensions:
                zebra: 1
                apple: "null"
                nothing: ~
                list: [b, a, {deep: true}]
                nested: {y: 2, x: "01"}
                text: |
                  two
                  lines
            locations: [{id: hall, name: Hall}]
            scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
            """;
        var original = WorldLoader.LoadText(yaml).World!;

        var written = WorldWriter.ToYaml(original);
        var reloaded = WorldLoader.LoadText(written).World!;

        var extensions = reloaded.Info.Extensions;
        Assert.Equal(["zebra", "apple", "nothing", "list", "nested", "text"], extensions.Select(e => e.Key));
        Assert.Equal("1", extensions.Get("zebra"));
        Assert.Equal("null", extensions.Get("apple"));
        Assert.Null(extensions.Get("nothing"));
        Assert.Equal("01", ((Extensions)extensions.Get("nested")!).Get("x"));
        Assert.Equal("two\nlines\n", extensions.Get("text"));
        Assert.Equal(original.Info.Extensions, extensions);
        Assert.Contains("zebra: 1", written);
    }

    [Fact]
    public void Text_that_YAML_could_misread_is_quoted_so_it_loads_back_unchanged()
    {
        string[] tricky = ["true", "no", "null", "~", "", "123", "0x1F", "1e3", "21:30", " leading space", "a: b", "- dash", "# hash", "'quote", "\"double\"", "[x]", "{y}", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "multi\nline\n", "trailing\n\n", "中文：引号「」", "tab\there"];
        var world = Minimal() with
        {
            Items = [.. tricky.Select((t, i) => new ItemDefinition { Id = $"i{i}", Name = $"item {i}", Description = t, Properties = ImmutableDictionary<string, string>.Empty.Add("p", t.Length == 0 ? "x" : t) })],
            Locations = [Minimal().Locations[0] with { Items = [.. tricky.Select((_, i) => $"i{i}")] }],
        };

        var reloaded = WorldLoader.LoadText(WorldWriter.ToYaml(world));

        Expect.Clean(reloaded);
        Assert.Equal(tricky, reloaded.World!.Items.Select(i => i.Description));
        Assert.Null(WorldComparison.FirstDifference(world, reloaded.World));
    }

    [Fact]
    public void Every_kind_of_condition_and_act_survives_a_round_trip()
    {
        Predicate everything = new Predicate.All([
            new Predicate.Flag("f"),
            new Predicate.Holds("ann", "key"),
            new Predicate.At("ann", "hall"),
            new Predicate.ItemAt("key", "hall"),
            new Predicate.Carrying("key"),
            new Predicate.RoundAtLeast(2),
            new Predicate.Any([new Predicate.Not(new Predicate.Flag("g")), new Predicate.Flag("f")]),
        ]);
        var ann = new CharacterDefinition
        {
            Id = "ann",
            Name = "Ann",
            Player = true,
            Start = new CharacterStart { Inventory = ["key"] },
            Authored = new AuthoredBehaviour
            {
                Lines = [.. new AuthoredAct[] { new AuthoredAct.Go("hall"), new AuthoredAct.Take("key"), new AuthoredAct.Drop("key"), new AuthoredAct.Give("key", "ann") }
                    .Select((act, i) => new AuthoredLine { Id = $"l{i}", Action = "acts", Act = act, When = everything, SetFlags = ["g"], Once = i % 2 == 0 })],
                Reactions = [new AuthoredReaction { On = ["hi"], From = "ann", When = everything, Action = "waves", Act = new AuthoredAct.Give("key", "ann"), Once = true }],
            },
        };
        var world = Minimal() with
        {
            Info = Minimal().Info with { Flags = ["f"] },
            Items = [new ItemDefinition { Id = "key", Name = "key", Portable = false }],
            Characters = [ann],
            Scenes = [Minimal().Scenes[0] with { End = new SceneEnd { MaxRounds = 3, When = everything }, TurnOrder = TurnOrder.Fixed }],
        };

        var reloaded = WorldLoader.LoadText(WorldWriter.ToYaml(world));

        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(world, reloaded.World));
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public async Task What_the_writer_writes_validates_against_the_schema(string world)
    {
        var schema = await JsonSchema.FromJsonAsync(SchemaExporter.Export());
        var text = WorldWriter.ToYaml(WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, world)));

        Assert.Empty(schema.Validate(YamlToJson.Convert("written.yaml", text)));
    }

    [Fact]
    public void The_comparison_names_the_first_difference_deep_inside_a_world()
    {
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "greywick"));
        var abel = world.Character("abel");
        var changed = world with
        {
            Characters = world.Characters.Replace(abel, abel with { Speech = abel.Speech with { Catchphrases = ["Count them!"] } }),
        };

        Assert.Equal("world.Characters[0].Speech.Catchphrases[0]: \"Count them.\" against \"Count them!\"", WorldComparison.FirstDifference(world, changed));
        Assert.False(WorldComparison.AreEqual(world, changed));
    }

    [Slow]
    [Fact]
    public void A_section_too_large_for_one_file_is_written_as_numbered_files_that_load_back_in_order()
    {
        using var folder = new TemporaryFolder();
        var target = Path.Combine(folder.Path, "big");
        var prose = string.Concat(Enumerable.Repeat("A long description of a very ordinary room. ", 1500));
        var world = Minimal() with
        {
            Scenes = [.. Enumerable.Range(0, 30).Select(i => Minimal().Scenes[0] with { Id = $"s{i}", Description = prose, Transitions = i < 29 ? [new SceneTransition($"s{i + 1}")] : [] })],
        };

        var files = WorldWriter.WriteFolder(world, target);
        var reloaded = WorldLoader.Load(target);

        Assert.Equal(["world.yaml", "scenes-1.yaml", "scenes-2.yaml"], files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 1 << 20, f));
        Expect.Clean(reloaded);
        Assert.Null(WorldComparison.FirstDifference(world, reloaded.World));
    }

    [Fact]
    public void Writing_into_a_folder_that_is_not_empty_is_refused()
    {
        using var folder = new TemporaryFolder();
        folder.Write("keep.txt", "mine");

        var e = Assert.Throws<TaleForgeException>(() => WorldWriter.WriteFolder(Minimal(), folder.Path));

        Assert.Contains("is not empty", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder.Path, "keep.txt")));
    }

    private static WorldDefinition Minimal() => new()
    {
        Info = new WorldInfo { Id = "w", Title = "W" },
        Locations = [new LocationDefinition { Id = "hall", Name = "Hall" }],
        Scenes = [new SceneDefinition { Id = "s", Location = "hall", End = new SceneEnd { MaxRounds = 1 } }],
    };
}

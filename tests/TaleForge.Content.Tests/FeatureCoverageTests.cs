using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests;

/// <summary>The sample worlds together show authors every part of the format.</summary>
public class FeatureCoverageTests
{
    [Fact]
    public void The_sample_worlds_together_use_every_key_of_every_mapping_in_the_format()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var world in Repository.WorldFolders())
        {
            foreach (var file in Repository.WorldFiles(world))
            {
                var root = DocumentReader.Read(new SourceFile(file, file, File.ReadAllText(file)), SourceLimits.Default, new DiagnosticBag())!;
                Collect(root, WorldFormat.File, used);
            }
        }

        var missing = WorldFormat.Objects
            .SelectMany(o => o.Fields.Select(f => $"{o.Name}.{f.Name}"))
            .Where(key => !used.Contains(key))
            .ToList();
        Assert.True(missing.Count == 0, $"no sample world uses: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_sample_worlds_together_use_both_turn_orders_both_kinds_of_lore_key_and_once_both_ways()
    {
        var worlds = Repository.WorldFolders().Select(f => WorldLoader.LoadOrThrow(f)).ToList();
        var scenes = worlds.SelectMany(w => w.Scenes).ToList();
        var keys = worlds.SelectMany(w => w.Lore).SelectMany(l => l.Keys).ToList();
        var lines = worlds.SelectMany(w => w.Characters).SelectMany(c => c.Authored.Lines).ToList();
        var triggers = scenes.SelectMany(s => s.Triggers).ToList();

        Assert.Equal([TurnOrder.Reactive, TurnOrder.Fixed], scenes.Select(s => s.TurnOrder).Distinct().Order());
        Assert.Contains(keys, k => k.IsRegex);
        Assert.Contains(keys, k => !k.IsRegex);
        Assert.Contains(worlds.SelectMany(w => w.Lore), l => l.Always);
        Assert.Equal([false, true], lines.Select(l => l.Once).Distinct().Order());
        Assert.Equal([false, true], triggers.Select(t => t.Once).Distinct().Order());
        Assert.Contains(worlds.SelectMany(w => w.Items), i => !i.Portable);
        Assert.Contains(worlds.SelectMany(w => w.Locations).SelectMany(l => l.Exits), e => e.Audible && e.Requires is null);
        Assert.Contains(scenes.SelectMany(s => s.Transitions), t => t.When is null);
        Assert.Contains(scenes.SelectMany(s => s.Transitions), t => t.When is not null);
    }

    // Records each "mapping.key" found, following the format's shapes into nested mappings and lists.
    private static void Collect(Node node, ObjectShape shape, HashSet<string> used)
    {
        if (node is not MappingNode mapping)
        {
            return;
        }
        foreach (var entry in mapping.Entries)
        {
            if (shape.Find(entry.Key.Value) is { } field)
            {
                used.Add($"{shape.Name}.{field.Name}");
                Follow(entry.Value, field.Shape, used);
            }
        }
    }

    private static void Follow(Node node, Shape shape, HashSet<string> used)
    {
        switch (shape)
        {
            case ObjectRef reference:
                Collect(node, WorldFormat.Object(reference.Name), used);
                break;
            case ListShape list when node is SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Follow(item, list.Item, used);
                }
                break;
        }
    }
}

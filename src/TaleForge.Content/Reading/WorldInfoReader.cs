using System.Globalization;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class WorldInfoReader
{
    public static WorldInfo? Read(Node node, ReadContext context)
    {
        var m = MappingReader.Open(node, WorldFormat.World, SourcePath.World, context, "world");
        if (m is null)
        {
            return null;
        }
        var defaults = new WorldInfo { Id = "", Title = "" };
        var info = new WorldInfo
        {
            Id = m.Text("id", ""),
            Title = m.Text("title", ""),
            Language = m.Text("language") ?? defaults.Language,
            Premise = m.Text("premise", ""),
            Setting = m.Text("setting", ""),
            Tone = m.Text("tone", ""),
            NarrationStyle = m.Text("narration_style", ""),
            StartScene = m.Text("start_scene", ""),
            Clock = m.Mapping("clock") is { } clock ? ReadClock(clock) : defaults.Clock,
            Flags = m.Texts("flags"),
            LoreSettings = m.Mapping("lore_settings") is { } lore ? LoreReader.ReadSettings(lore) : defaults.LoreSettings,
            Extensions = ExtensionsReader.Read(m),
        };
        return info;
    }

    private static ClockDefinition ReadClock(MappingReader m)
    {
        var defaults = new ClockDefinition();
        return new ClockDefinition
        {
            Day = m.Integer("day") ?? defaults.Day,
            Start = m.Text("start") is { } start ? TimeOnly.ParseExact(start.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture) : defaults.Start,
            MinutesPerRound = m.Integer("minutes_per_round") ?? defaults.MinutesPerRound,
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>
/// A played game as a SillyTavern chat file (JSON Lines): a first line naming the player and the character, then
/// one message per thing said, done or narrated on the story's main branch, so a player can go on with the story
/// there. The player's turns are the user's messages; narration is sent by "Narrator".
/// </summary>
public static class SillyTavernChat
{
    public const string NarratorName = "Narrator";

    /// <param name="character">The character the chat is with; the first non-player character who speaks when null.</param>
    public static IReadOnlyList<JsonObject> Lines(TrajectoryFile trajectory, WorldDefinition world, string? character = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(world);
        var events = trajectory.MainPath();
        var player = trajectory.Header.Player ?? world.Characters.FirstOrDefault(c => c.Player)?.Id;
        var partner = character ?? events.Select(e => e.Actor).FirstOrDefault(a => a is not null && a != player) ?? world.Characters.FirstOrDefault(c => !c.Player)?.Id;
        if (partner is not null && world.FindCharacter(partner) is null)
        {
            throw new Core.TaleForgeException($"world '{world.Info.Id}' has no character '{partner}'; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}");
        }
        string Name(string? id) => id is null ? NarratorName : world.FindCharacter(id)?.Name ?? id;
        var created = trajectory.Header.Created;
        var lines = new List<JsonObject>
        {
            new()
            {
                ["user_name"] = Name(player),
                ["character_name"] = Name(partner),
                ["create_date"] = Date(created),
                ["chat_metadata"] = new JsonObject
                {
                    ["taleforge"] = new JsonObject { ["world"] = world.Info.Id, ["trajectory"] = Path.GetFileName(trajectory.Path), ["seed"] = trajectory.Header.Seed },
                },
            },
        };
        foreach (var record in events)
        {
            if (Message(record) is not { } text)
            {
                continue;
            }
            var speaker = record.Event switch
            {
                WorldEvent.Said s => s.Character,
                WorldEvent.Acted a => a.Character,
                _ => null,
            };
            var message = new JsonObject
            {
                ["name"] = Name(speaker),
                ["is_user"] = speaker is not null && speaker == player,
                ["is_system"] = false,
                ["send_date"] = Date(created),
                ["mes"] = text,
                ["extra"] = speaker is null ? new JsonObject { ["type"] = "narrator" } : new JsonObject(),
            };
            lines.Add(message);
        }
        return lines;
    }

    // Said and done are what a chat holds (actions in asterisks, as chats write them); narration of the scene and of outcomes keeps the story readable. Book-keeping
    // (rounds, clock, memories) is left out.
    private static string? Message(EventRecord record) => record.Event switch
    {
        WorldEvent.Said s => s.Text,
        WorldEvent.Acted a => a.Action.Contains('*', StringComparison.Ordinal) ? a.Action : $"*{a.Action}*",
        WorldEvent.Narrated n => n.Text,
        WorldEvent.Moved or WorldEvent.Took or WorldEvent.Dropped or WorldEvent.Gave or WorldEvent.Vetoed or WorldEvent.EnvironmentChanged
            or WorldEvent.SceneEnded or WorldEvent.StoryEnded => record.Text,
        _ => null,
    } is { Length: > 0 } text ? text : null;

    private static string Date(DateTimeOffset when) => when.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using TaleForge.Core;

namespace TaleForge.Engine.Agents;

/// <summary>What a role is: the kinds of <see cref="Role"/>.</summary>
public enum RoleKind
{
    Narrator,
    Director,

    /// <summary>Every character a model plays, as one header entry (a per-character entry overrides it).</summary>
    Characters,

    /// <summary>One character, played by an agent.</summary>
    Character,

    /// <summary>One character, played by a person at the keyboard.</summary>
    Player,
    Judge,
    Interviewer,
}

/// <summary>
/// Who asks a model, or whom a header entry's model plays: "narrator", "director", "characters", "character:ID",
/// "player:ID", "judge", "interviewer". Parsed once from that string form (trajectories, the header, options) and
/// written back to it unchanged, since seeds are derived from it.
/// </summary>
[JsonConverter(typeof(RoleJsonConverter))]
public readonly record struct Role
{
    private Role(RoleKind kind, string? character)
    {
        Kind = kind;
        CharacterId = character;
    }

    public RoleKind Kind { get; }

    /// <summary>The character of a <see cref="RoleKind.Character"/> or <see cref="RoleKind.Player"/> role; null otherwise.</summary>
    public string? CharacterId { get; }

    public static Role Narrator { get; } = new(RoleKind.Narrator, null);
    public static Role Director { get; } = new(RoleKind.Director, null);
    public static Role Characters { get; } = new(RoleKind.Characters, null);
    public static Role Judge { get; } = new(RoleKind.Judge, null);
    public static Role Interviewer { get; } = new(RoleKind.Interviewer, null);

    public static Role Character(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new(RoleKind.Character, id);
    }

    public static Role Player(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new(RoleKind.Player, id);
    }

    private const string CharacterPrefix = "character:";
    private const string PlayerPrefix = "player:";

    /// <summary>Reads a role's string form; null when <paramref name="text"/> names no role.</summary>
    public static Role? TryParse(string? text) => text switch
    {
        "narrator" => Narrator,
        "director" => Director,
        "characters" => Characters,
        "judge" => Judge,
        "interviewer" => Interviewer,
        not null when text.StartsWith(CharacterPrefix, StringComparison.Ordinal) && text.Length > CharacterPrefix.Length => Character(text[CharacterPrefix.Length..]),
        not null when text.StartsWith(PlayerPrefix, StringComparison.Ordinal) && text.Length > PlayerPrefix.Length => Player(text[PlayerPrefix.Length..]),
        _ => null,
    };

    public static Role Parse(string text) => TryParse(text)
        ?? throw new TaleForgeException($"'{text}' is not a role; a role is narrator, director, characters, character:ID, player:ID, judge or interviewer.");

    /// <summary>The character whose decisions this role makes (an agent's or a person's); null for the others.</summary>
    public string? Decides => Kind is RoleKind.Character or RoleKind.Player ? CharacterId : null;

    public override string ToString() => Kind switch
    {
        RoleKind.Character => CharacterPrefix + CharacterId,
        RoleKind.Player => PlayerPrefix + CharacterId,
        _ => JsonNamingPolicy.SnakeCaseLower.ConvertName(Kind.ToString()),
    };
}

/// <summary>A role in JSON is its string form.</summary>
internal sealed class RoleJsonConverter : JsonConverter<Role>
{
    public override Role Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Role.TryParse(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a role (narrator, director, characters, character:ID, player:ID, judge, interviewer).");

    public override void Write(Utf8JsonWriter writer, Role value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

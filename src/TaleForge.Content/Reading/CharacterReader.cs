using System.Collections.Immutable;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class CharacterReader
{
    public static CharacterDefinition? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Character, "character", "characters", (m, id) => new CharacterDefinition
        {
            Id = id,
            Name = m.Text("name", id),
            Aliases = m.Texts("aliases"),
            Pronouns = m.Text("pronouns") ?? new CharacterDefinition { Id = "", Name = "" }.Pronouns,
            Description = m.Text("description", ""),
            Background = m.Text("background", ""),
            Personality = m.Mapping("personality") is { } p ? ReadPersonality(p) : new(),
            Speech = m.Mapping("speech") is { } s ? ReadSpeech(s) : new(),
            Goals = m.Mapping("goals") is { } g ? new Goals { ShortTerm = g.Texts("short_term"), LongTerm = g.Texts("long_term") } : new(),
            Relationships = [.. m.Items("relationships").Select(r => ReadRelationship(r.Node, r.Path, context)).OfType<Relationship>()],
            Knowledge = m.Texts("knowledge"),
            Secrets = ReadSecrets(m),
            Start = m.Mapping("start") is { } start ? ReadStart(start) : new(),
            Player = m.Boolean("player") ?? false,
            Authored = m.Mapping("authored") is { } a ? ReadAuthored(a) : new(),
            Extensions = ExtensionsReader.Read(m),
        });

    private static Personality ReadPersonality(MappingReader m)
    {
        BigFive? bigFive = null;
        if (m.Mapping("big_five") is { } b)
        {
            var scores = new[] { "openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism" }.Select(b.Number).ToArray();
            if (scores.All(s => s is not null))
            {
                bigFive = new BigFive(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value);
            }
        }
        return new Personality { BigFive = bigFive, Traits = m.Texts("traits") };
    }

    private static SpeechStyle ReadSpeech(MappingReader m) => new()
    {
        Style = m.Text("style", ""),
        Examples = m.Texts("examples"),
        Catchphrases = m.Texts("catchphrases"),
    };

    private static Relationship? ReadRelationship(Node node, SourcePath path, ReadContext context)
    {
        var m = MappingReader.Open(node, WorldFormat.Relationship, path, context);
        return m is not null && m.Text("with") is { } with && m.Text("stance") is { } stance
            ? new Relationship(with, stance) { Note = m.Text("note", "") }
            : null;
    }

    private static ImmutableArray<Secret> ReadSecrets(MappingReader owner)
    {
        var ids = new LocalIds(owner.Context, "secrets of this character");
        var secrets = ImmutableArray.CreateBuilder<Secret>();
        foreach (var (node, path) in owner.Items("secrets"))
        {
            var m = MappingReader.Open(node, WorldFormat.Secret, path, owner.Context);
            if (m is not null && m.Text("id") is { } id && m.Text("text") is { } text)
            {
                ids.Check(id, m.PositionOf("id"));
                secrets.Add(new Secret { Id = id, Text = text, Keywords = m.Texts("keywords") });
            }
        }
        return secrets.ToImmutable();
    }

    private static CharacterStart ReadStart(MappingReader m)
    {
        var defaults = new CharacterStart();
        return new CharacterStart
        {
            Location = m.Text("location", ""),
            Position = m.Text("position", ""),
            State = m.Text("state", ""),
            Emotion = m.Text("emotion") ?? defaults.Emotion,
            Inventory = m.Texts("inventory"),
        };
    }

    private static AuthoredBehaviour ReadAuthored(MappingReader m)
    {
        var ids = new LocalIds(m.Context, "authored lines of this character");
        var lines = ImmutableArray.CreateBuilder<AuthoredLine>();
        foreach (var (node, path) in m.Items("lines"))
        {
            if (MappingReader.Open(node, WorldFormat.Line, path, m.Context) is not { } l)
            {
                continue;
            }
            if (l.Text("id") is { } id)
            {
                ids.Check(id, l.PositionOf("id"));
            }
            lines.Add(new AuthoredLine
            {
                Id = l.Text("id"),
                Scene = l.Text("scene"),
                When = ConditionReader.Read(l, "when"),
                Action = l.Text("action", ""),
                Say = l.Text("say"),
                Once = l.Boolean("once") ?? new AuthoredLine().Once,
                Act = ConditionReader.ReadAct(l, "act"),
                SetFlags = l.Texts("set_flags"),
                Emotion = l.Text("emotion"),
            });
        }

        var reactions = ImmutableArray.CreateBuilder<AuthoredReaction>();
        foreach (var (node, path) in m.Items("reactions"))
        {
            if (MappingReader.Open(node, WorldFormat.Reaction, path, m.Context) is not { } r)
            {
                continue;
            }
            reactions.Add(new AuthoredReaction
            {
                On = r.Texts("on"),
                From = r.Text("from"),
                When = ConditionReader.Read(r, "when"),
                Action = r.Text("action", ""),
                Say = r.Text("say"),
                Once = r.Boolean("once") ?? new AuthoredReaction().Once,
                Act = ConditionReader.ReadAct(r, "act"),
                SetFlags = r.Texts("set_flags"),
                Emotion = r.Text("emotion"),
            });
        }
        return new AuthoredBehaviour { Lines = lines.ToImmutable(), Reactions = reactions.ToImmutable() };
    }
}

/// <summary>Ids that must be unique within one entity (a character's secrets, a scene's triggers).</summary>
internal sealed class LocalIds(ReadContext context, string plural)
{
    private readonly Dictionary<string, SourcePosition> _seen = new(StringComparer.Ordinal);

    public void Check(string id, SourcePosition at)
    {
        if (_seen.TryGetValue(id, out var first))
        {
            context.Diagnostics.Error(at, DiagnosticCodes.DuplicateId,
                $"there are two {plural} with the id '{id}' (the first is at {first})", "rename one of them");
            return;
        }
        _seen.Add(id, at);
    }
}

using System.Collections.Immutable;
using TaleForge.Content.Format;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class SceneReader
{
    public static SceneDefinition? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Scene, "scene", "scenes", (m, id) => new SceneDefinition
        {
            Id = id,
            Title = m.Text("title", ""),
            Event = m.Text("event", ""),
            Time = m.Text("time", ""),
            Location = m.Text("location", ""),
            Description = m.Text("description", ""),
            Participants = m.Texts("participants"),
            Opening = ReadOpening(m),
            End = m.Mapping("end") is { } end
                ? new SceneEnd { MaxRounds = end.Integer("max_rounds"), When = ConditionReader.Read(end, "when") }
                : new SceneEnd(),
            Triggers = ReadTriggers(m),
            Transitions = ReadTransitions(m),
            TurnOrder = m.Text("turn_order") is { } order && Enum.TryParse<TurnOrder>(order, ignoreCase: true, out var o) ? o : TurnOrder.Reactive,
            Gather = m.Boolean("gather") ?? false,
            Closing = m.Text("closing", ""),
            Extensions = ExtensionsReader.Read(m),
        });

    private static ImmutableArray<OpeningBeat> ReadOpening(MappingReader owner)
    {
        var beats = ImmutableArray.CreateBuilder<OpeningBeat>();
        foreach (var (node, path) in owner.Items("opening"))
        {
            var m = MappingReader.Open(node, WorldFormat.OpeningBeat, path, owner.Context);
            if (m is not null && m.Text("actor") is { } actor && m.Text("action") is { } action)
            {
                beats.Add(new OpeningBeat(actor, action) { Dialogue = m.Text("dialogue") });
            }
        }
        return beats.ToImmutable();
    }

    private static ImmutableArray<TriggerDefinition> ReadTriggers(MappingReader owner)
    {
        var ids = new LocalIds(owner.Context, "triggers of this scene");
        var triggers = ImmutableArray.CreateBuilder<TriggerDefinition>();
        foreach (var (node, path) in owner.Items("triggers"))
        {
            var m = MappingReader.Open(node, WorldFormat.Trigger, path, owner.Context);
            if (m is null)
            {
                continue;
            }
            var id = m.Text("id");
            var when = ConditionReader.Read(m, "when");
            var trigger = new
            {
                Once = m.Boolean("once") ?? true,
                Narrate = m.Text("narrate", ""),
                Heard = m.Text("heard") is { } heard && Enum.TryParse<Hearing>(heard, ignoreCase: true, out var h) ? h : Hearing.Here,
                Environment = m.Text("environment"),
                SetFlags = m.Texts("set_flags"),
                ClearFlags = m.Texts("clear_flags"),
            };
            if (id is null || when is null)
            {
                continue;
            }
            ids.Check(id, m.PositionOf("id"));
            triggers.Add(new TriggerDefinition
            {
                Id = id,
                When = when,
                Once = trigger.Once,
                Narrate = trigger.Narrate,
                Heard = trigger.Heard,
                Environment = trigger.Environment,
                SetFlags = trigger.SetFlags,
                ClearFlags = trigger.ClearFlags,
            });
        }
        return triggers.ToImmutable();
    }

    private static ImmutableArray<SceneTransition> ReadTransitions(MappingReader owner)
    {
        var transitions = ImmutableArray.CreateBuilder<SceneTransition>();
        foreach (var (node, path) in owner.Items("transitions"))
        {
            var m = MappingReader.Open(node, WorldFormat.Transition, path, owner.Context);
            if (m is not null && m.Text("to") is { } to)
            {
                transitions.Add(new SceneTransition(to) { When = ConditionReader.Read(m, "when") });
            }
        }
        return transitions.ToImmutable();
    }
}

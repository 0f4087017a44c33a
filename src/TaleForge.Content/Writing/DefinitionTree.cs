using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Content.Format;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Writing;

/// <summary>
/// Turns definitions into the YAML tree of the world format, key for key the inverse of the readers. Values
/// equal to their defaults are left out; conditions, acts and short lists are written in flow style.
/// </summary>
internal static class DefinitionTree
{
    public static MappingNode File(
        WorldInfo? info,
        IEnumerable<LocationDefinition> locations,
        IEnumerable<ItemDefinition> items,
        IEnumerable<CharacterDefinition> characters,
        IEnumerable<SceneDefinition> scenes,
        IEnumerable<LoreEntry> lore) =>
        new MappingBuilder()
            .RequiredText("spec", WorldFormat.Spec)
            .Node("world", info is null ? null : World(info))
            .List("locations", [.. locations], Location)
            .List("items", [.. items], Item)
            .List("characters", [.. characters], Character)
            .List("scenes", [.. scenes], Scene)
            .List("lore", [.. lore], Lore)
            .Build();

    private static MappingNode World(WorldInfo info)
    {
        var defaults = new WorldInfo { Id = "", Title = "" };
        var clock = new MappingBuilder()
            .Integer("day", info.Clock.Day, defaults.Clock.Day)
            .Text("start", info.Clock.Start.ToString("HH:mm", CultureInfo.InvariantCulture), defaults.Clock.Start.ToString("HH:mm", CultureInfo.InvariantCulture))
            .Integer("minutes_per_round", info.Clock.MinutesPerRound, defaults.Clock.MinutesPerRound)
            .BuildOrNull();
        return new MappingBuilder()
            .RequiredText("id", info.Id)
            .RequiredText("title", info.Title)
            .Text("language", info.Language, defaults.Language)
            .Text("premise", info.Premise)
            .Text("setting", info.Setting)
            .Text("tone", info.Tone)
            .Text("narration_style", info.NarrationStyle)
            .Text("start_scene", info.StartScene)
            .Node("clock", clock)
            .Texts("flags", info.Flags)
            .Node("lore_settings", new MappingBuilder()
                .Integer("scan_depth", info.LoreSettings.ScanDepth, defaults.LoreSettings.ScanDepth)
                .Integer("token_budget", info.LoreSettings.TokenBudget, defaults.LoreSettings.TokenBudget)
                .Integer("recursion_depth", info.LoreSettings.RecursionDepth, defaults.LoreSettings.RecursionDepth)
                .BuildOrNull())
            .Node("extensions", Extensions(info.Extensions))
            .Build();
    }

    private static MappingNode Location(LocationDefinition location) => new MappingBuilder()
        .RequiredText("id", location.Id)
        .RequiredText("name", location.Name)
        .Text("description", location.Description)
        .List("exits", location.Exits, Exit)
        .Texts("items", location.Items)
        .List("details", location.Details, d => new MappingBuilder().RequiredText("name", d.Name).Texts("aliases", d.Aliases).RequiredText("text", d.Text).Build())
        .Node("extensions", Extensions(location.Extensions))
        .Build();

    private static MappingNode Exit(ExitDefinition exit) => new MappingBuilder()
        .Text("direction", exit.Direction?.Word())
        .Text("label", exit.Label, omit: null)
        .RequiredText("to", exit.To)
        .Node("requires", Condition(exit.Requires))
        .Text("blocked", exit.Blocked, omit: null)
        .Boolean("audible", exit.Audible, omit: false)
        .Text("description", exit.Description)
        .Build();

    private static MappingNode Item(ItemDefinition item) => new MappingBuilder()
        .RequiredText("id", item.Id)
        .RequiredText("name", item.Name)
        .Texts("aliases", item.Aliases)
        .Text("description", item.Description)
        .Boolean("portable", item.Portable, omit: true)
        .Node("properties", item.Properties.IsEmpty ? null : new MappingNode(
            [.. item.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new MappingEntry(new ScalarNode(p.Key, ScalarStyle.Plain), YamlText.Untyped(p.Value)))]))
        .Node("extensions", Extensions(item.Extensions))
        .Build();

    private static MappingNode Character(CharacterDefinition character)
    {
        var defaults = new CharacterDefinition { Id = "", Name = "" };
        var bigFive = character.Personality.BigFive is { } b
            ? new MappingBuilder()
                .Number("openness", b.Openness)
                .Number("conscientiousness", b.Conscientiousness)
                .Number("extraversion", b.Extraversion)
                .Number("agreeableness", b.Agreeableness)
                .Number("neuroticism", b.Neuroticism)
                .Build(flow: true)
            : null;
        return new MappingBuilder()
            .RequiredText("id", character.Id)
            .RequiredText("name", character.Name)
            .Texts("aliases", character.Aliases)
            .Text("pronouns", character.Pronouns, defaults.Pronouns)
            .Text("description", character.Description)
            .Text("background", character.Background)
            .Node("personality", new MappingBuilder().Node("big_five", bigFive).Texts("traits", character.Personality.Traits).BuildOrNull())
            .Node("speech", new MappingBuilder()
                .Text("style", character.Speech.Style)
                .Texts("examples", character.Speech.Examples)
                .Texts("catchphrases", character.Speech.Catchphrases)
                .BuildOrNull())
            .Node("goals", new MappingBuilder().Texts("short_term", character.Goals.ShortTerm).Texts("long_term", character.Goals.LongTerm).BuildOrNull())
            .List("relationships", character.Relationships, r => new MappingBuilder()
                .RequiredText("with", r.With).RequiredText("stance", r.Stance).Text("note", r.Note).Build())
            .Texts("knowledge", character.Knowledge)
            .List("secrets", character.Secrets, s => new MappingBuilder()
                .RequiredText("id", s.Id).RequiredText("text", s.Text).Texts("keywords", s.Keywords).Build())
            .Node("start", Start(character.Start))
            .Boolean("player", character.Player, omit: false)
            .Node("authored", Authored(character.Authored))
            .Node("extensions", Extensions(character.Extensions))
            .Build();
    }

    private static MappingNode? Start(CharacterStart start) => new MappingBuilder()
        .Text("location", start.Location)
        .Text("position", start.Position)
        .Text("state", start.State)
        .Text("emotion", start.Emotion, new CharacterStart().Emotion)
        .Texts("inventory", start.Inventory)
        .BuildOrNull();

    private static MappingNode? Authored(AuthoredBehaviour authored) => new MappingBuilder()
        .List("lines", authored.Lines, l => new MappingBuilder()
            .Text("id", l.Id, omit: null)
            .Text("scene", l.Scene, omit: null)
            .Node("when", Condition(l.When))
            .RequiredText("action", l.Action)
            .Text("say", l.Say, omit: null)
            .Boolean("once", l.Once, omit: new AuthoredLine().Once)
            .Node("act", Act(l.Act))
            .Texts("set_flags", l.SetFlags)
            .Text("emotion", l.Emotion, omit: null)
            .Build())
        .List("reactions", authored.Reactions, r => new MappingBuilder()
            .Texts("on", r.On)
            .Text("from", r.From, omit: null)
            .Node("when", Condition(r.When))
            .RequiredText("action", r.Action)
            .Text("say", r.Say, omit: null)
            .Boolean("once", r.Once, omit: new AuthoredReaction().Once)
            .Node("act", Act(r.Act))
            .Texts("set_flags", r.SetFlags)
            .Text("emotion", r.Emotion, omit: null)
            .Build())
        .BuildOrNull();

    private static MappingNode Scene(SceneDefinition scene) => new MappingBuilder()
        .RequiredText("id", scene.Id)
        .Text("title", scene.Title)
        .Text("event", scene.Event)
        .Text("time", scene.Time)
        .RequiredText("location", scene.Location)
        .Text("description", scene.Description)
        .Texts("participants", scene.Participants)
        .List("opening", scene.Opening, b => new MappingBuilder()
            .RequiredText("actor", b.Actor).RequiredText("action", b.Action).Text("dialogue", b.Dialogue, omit: null).Build())
        .Node("end", new MappingBuilder().Integer("max_rounds", scene.End.MaxRounds).Node("when", Condition(scene.End.When)).BuildOrNull())
        .List("triggers", scene.Triggers, t => new MappingBuilder()
            .RequiredText("id", t.Id)
            .Node("when", Condition(t.When))
            .Boolean("once", t.Once, omit: true)
            .Text("narrate", t.Narrate)
            .Text("heard", t.Heard.ToString().ToLowerInvariant(), nameof(Hearing.Here).ToLowerInvariant())
            .Text("environment", t.Environment, omit: null)
            .Texts("set_flags", t.SetFlags)
            .Texts("clear_flags", t.ClearFlags)
            .Build())
        .List("transitions", scene.Transitions, t => new MappingBuilder().RequiredText("to", t.To).Node("when", Condition(t.When)).Build(flow: t.When is null))
        .Text("turn_order", scene.TurnOrder.ToString().ToLowerInvariant(), nameof(TurnOrder.Reactive).ToLowerInvariant())
        .Boolean("gather", scene.Gather, omit: false)
        .Text("closing", scene.Closing)
        .Node("extensions", Extensions(scene.Extensions))
        .Build();

    private static MappingNode Lore(LoreEntry entry) => new MappingBuilder()
        .RequiredText("id", entry.Id)
        .Texts("keys", [.. entry.Keys.Select(k => k.ToString())])
        .Texts("secondary_keys", [.. entry.SecondaryKeys.Select(k => k.ToString())])
        .Text("logic", LoreLogicWords.Word(entry.Logic), LoreLogicWords.Word(LoreLogic.AndAny))
        .RequiredText("text", entry.Text)
        .Boolean("always", entry.Always, omit: false)
        .Integer("priority", entry.Priority, omit: 0)
        .Boolean("enabled", entry.Enabled, omit: true)
        .Node("when", Condition(entry.When))
        .Integer("probability", entry.Probability, omit: 100)
        .Integer("scan_depth", entry.ScanDepth)
        .Boolean("case_sensitive", entry.Keys.Concat(entry.SecondaryKeys).Any(k => k.CaseSensitive), omit: false)
        .Boolean("whole_words", entry.Keys.Concat(entry.SecondaryKeys).All(k => k.WholeWords), omit: true)
        .Node("extensions", Extensions(entry.Extensions))
        .Build();

    private static MappingNode? Condition(Predicate? predicate) => predicate switch
    {
        null => null,
        Predicate.Flag f => One("flag", YamlText.Scalar(f.Name)),
        Predicate.Holds h => One("holds", new MappingBuilder().RequiredText("character", h.Character).RequiredText("item", h.Item).Build(flow: true)),
        Predicate.At a => One("at", new MappingBuilder().RequiredText("character", a.Character).RequiredText("location", a.Location).Build(flow: true)),
        Predicate.ItemAt i => One("item_at", new MappingBuilder().RequiredText("item", i.Item).RequiredText("location", i.Location).Build(flow: true)),
        Predicate.Carrying c => One("carrying", YamlText.Scalar(c.Item)),
        Predicate.RoundAtLeast r => One("round", new ScalarNode(r.Round.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain)),
        Predicate.All all => One("all", new SequenceNode([.. all.Terms.Select(t => (Node)Condition(t)!)], flow: true)),
        Predicate.Any any => One("any", new SequenceNode([.. any.Terms.Select(t => (Node)Condition(t)!)], flow: true)),
        Predicate.Not not => One("not", Condition(not.Term)!),
        _ => throw new InvalidOperationException($"No YAML form for {predicate.GetType().Name}."),
    };

    private static MappingNode? Act(AuthoredAct? act) => act switch
    {
        null => null,
        AuthoredAct.Go go => One("go", YamlText.Scalar(go.Location)),
        AuthoredAct.Take take => One("take", YamlText.Scalar(take.Item)),
        AuthoredAct.Drop drop => One("drop", YamlText.Scalar(drop.Item)),
        AuthoredAct.Give give => One("give", new MappingBuilder().RequiredText("item", give.Item).RequiredText("to", give.To).Build(flow: true)),
        _ => throw new InvalidOperationException($"No YAML form for {act.GetType().Name}."),
    };

    private static MappingNode One(string key, Node value) => new MappingBuilder().Node(key, value).Build(flow: true);

    /// <summary>Extensions as they were read: text as written, null as YAML null, lists and mappings in order.</summary>
    private static MappingNode? Extensions(Extensions extensions) => extensions.IsEmpty ? null : ExtensionMapping(extensions);

    private static MappingNode ExtensionMapping(Extensions extensions) =>
        new([.. extensions.Select(e => new MappingEntry(new ScalarNode(e.Key, ScalarStyle.Plain), ExtensionValue(e.Value)))]);

    private static Node ExtensionValue(object? value) => value switch
    {
        null => new ScalarNode("null", ScalarStyle.Plain),
        string text => YamlText.Untyped(text),
        Extensions nested => ExtensionMapping(nested),
        ImmutableArray<object?> list => new SequenceNode([.. list.Select(ExtensionValue)]),
        _ => YamlText.Untyped(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}

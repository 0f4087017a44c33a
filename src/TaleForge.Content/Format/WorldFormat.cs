using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Format;

/// <summary>
/// The world format, version 1, as data: every mapping, key, type, range and default. The reader checks files
/// against it, the JSON Schema is generated from it, and tests hold the sample worlds and the documentation to it,
/// so there is one description of the format and nothing to drift. Defaults are read off the Core records.
/// </summary>
public static class WorldFormat
{
    public const string Spec = "taleforge/world@1";
    public const string IdPattern = "^[a-z0-9][a-z0-9_-]*$";
    public const string IdRule = "lowercase letters, digits, '-' and '_', starting with a letter or digit";
    public const string LanguagePattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    private static TextShape Text { get; } = new();
    private static TextShape Id { get; } = new(IdPattern, IdRule);
    private static BooleanShape Boolean { get; } = new();
    private static ListShape Texts { get; } = new(Text);
    private static ListShape Flags { get; } = new(Id);

    private static Field Key(string name, Shape shape, string description) => new(name, shape, description);
    private static Field Required(string name, Shape shape, string description) => new(name, shape, description) { Required = true };
    private static Field Ref(string name, string kind, string description, bool required = false) =>
        new(name, Id, description) { Refers = kind, Required = required };
    private static Field RefList(string name, string kind, string description) =>
        new(name, new ListShape(Id), description) { Refers = kind };
    private static Field Object(string name, string shape, string description, bool required = false) =>
        new(name, new ObjectRef(shape), description) { Required = required };
    private static Field List(string name, string shape, string description) =>
        new(name, new ListShape(new ObjectRef(shape)), description);
    private static Field Extensions() =>
        new("extensions", new AnyShape(), "Your own data, in any shape. TaleForge ignores it and keeps it, in order, when it rewrites the file.");
    private static string Yaml(bool value) => value ? "true" : "false";
    private static string Yaml(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Quoted(string value) => $"\"{value}\"";

    private static CharacterStart DefaultStart { get; } = new();
    private static ClockDefinition DefaultClock { get; } = new();
    private static AuthoredLine DefaultLine { get; } = new();
    private static AuthoredReaction DefaultReaction { get; } = new();
    private static TriggerDefinition DefaultTrigger { get; } = new() { Id = "t", When = new Predicate.Flag("f") };
    private static SceneDefinition DefaultScene { get; } = new() { Id = "s", Location = "l" };
    private static LoreEntry DefaultLore { get; } = new() { Id = "l", Text = "t" };
    private static LoreSettings DefaultLoreSettings { get; } = new();

    public static ObjectShape File { get; } = new("file", "file", "A world file. A world is a folder: world.yaml, plus any characters/*.yaml, scenes/*.yaml and lore/*.yaml; each file may hold any of the sections.",
    [
        Required("spec", new ChoiceShape([Spec]), $"The format and its version; always \"{Spec}\"."),
        Key("include", Texts, "world.yaml only: more files or folders of this world to read, relative to the world folder. Paths may not leave the folder."),
        Object("world", "world", "The world's identity, voice and start. Exactly one file of the world has it."),
        List("locations", "location", "Places."),
        List("items", "item", "Things that can lie somewhere or be carried."),
        List("characters", "character", "People, including the one a human plays."),
        List("scenes", "scene", "Stretches of play; the story is a chain of scenes."),
        List("lore", "lore", "Background text put into prompts when its keys come up in play."),
    ]);

    public static ObjectShape World { get; } = new("world", "the world section", "Who the world is, how it is told, and where play starts.",
    [
        Required("id", Id, "The world's id; by convention the name of its folder."),
        Required("title", Text, "The title players see."),
        Key("language", new TextShape(LanguagePattern, "a language tag such as en, zh or pt-BR"), "The language of the prose (BCP 47 tag: en, zh, ...); prompts are written in it.") with { Default = new WorldInfo { Id = "w", Title = "t" }.Language },
        Key("premise", Text, "The story in two or three sentences."),
        Key("setting", Text, "Where and when the world is."),
        Key("tone", Text, "The mood to keep (\"wry, melancholy\")."),
        Key("narration_style", Text, "How the narrator writes (\"second person, present tense, short paragraphs\")."),
        Ref("start_scene", "scene", "The scene play begins with; the first scene when absent."),
        Object("clock", "clock", "In-world time."),
        new("flags", Flags, "Flags already set when play begins."),
        Object("lore_settings", "lore_settings", "How lore is chosen for prompts."),
        Extensions(),
    ]);

    public static ObjectShape LoreSettings { get; } = new("lore_settings", "the lore settings", "How far back lore keys are looked for, how much lore a prompt may hold, and how deep entries may activate each other.",
    [
        Key("scan_depth", new IntegerShape(1, 1000), "Recent observations scanned for keys.") with { Default = Yaml(DefaultLoreSettings.ScanDepth) },
        Key("token_budget", new IntegerShape(0), "Estimated tokens of lore in one prompt (four letters, or one CJK character, a token); 0: no limit. Lower priorities are left out first.") with { Default = Yaml(DefaultLoreSettings.TokenBudget) },
        Key("recursion_depth", new IntegerShape(0, 10), "How many times the text of chosen entries is scanned again for more keys; 0: never.") with { Default = Yaml(DefaultLoreSettings.RecursionDepth) },
    ]);

    public static ObjectShape Clock { get; } = new("clock", "the clock", "Where in-world time starts and how fast it runs.",
    [
        Key("day", new IntegerShape(1), "The day number play begins on.") with { Default = Yaml(DefaultClock.Day) },
        Key("start", new TimeShape(), "The time of day play begins, HH:MM on a 24-hour clock.") with { Default = Quoted(DefaultClock.Start.ToString("HH:mm", CultureInfo.InvariantCulture)) },
        Key("minutes_per_round", new IntegerShape(1, 1440), "In-world minutes each round takes.") with { Default = Yaml(DefaultClock.MinutesPerRound) },
    ]);

    public static ObjectShape Location { get; } = new("location", "a location", "A place characters can be in.",
    [
        Required("id", Id, "Unique among locations."),
        Required("name", Text, "The name players see (\"The Oil Store\")."),
        Key("description", Text, "What a character sees on arriving."),
        List("exits", "exit", "Ways out. Each is one-way: give the other location an exit back."),
        RefList("items", "item", "Items lying here when play begins. An item starts in one place only."),
        List("details", "detail", "Scenery that can be examined but not taken."),
        Extensions(),
    ]);

    public static ObjectShape Exit { get; } = new("exit", "an exit", "A one-way way out of a location, named by a direction, a label, or both.",
    [
        Key("direction", new ChoiceShape([.. Enum.GetValues<Direction>().Select(d => d.Word())]), "A compass or vertical direction; players may type its first letters (n, ne, u)."),
        Key("label", Text, "A name for exits that are not a direction (\"the trapdoor\"), or a name besides one."),
        Ref("to", "location", "The location this exit leads to.", required: true),
        Object("requires", "condition", "Must hold for the exit to be used; 'carrying' means the character moving."),
        Key("blocked", Text, "Narrated when 'requires' does not hold."),
        Key("audible", Boolean, "Speech on either side is heard through this exit.") with { Default = Yaml(false) },
        Key("description", Text, "What the exit looks like."),
    ]);

    public static ObjectShape Detail { get; } = new("detail", "a detail", "Something in a location that can be examined by name but not taken.",
    [
        Required("name", Text, "What a player types to examine it."),
        Key("aliases", Texts, "Other names a player may type for it; the lint counts them as covering a description's words too."),
        Required("text", Text, "What examining it shows."),
    ]);

    public static ObjectShape Item { get; } = new("item", "an item", "A thing that can lie somewhere or be carried.",
    [
        Required("id", Id, "Unique among items."),
        Required("name", Text, "The name players see and type."),
        Key("aliases", Texts, "Other names a player may type for it."),
        Key("description", Text, "What examining it shows."),
        Key("portable", Boolean, "False for things too heavy or fixed to pick up.") with { Default = Yaml(new ItemDefinition { Id = "i", Name = "n" }.Portable) },
        Key("properties", new MapShape(), "Facts about the item as key: value pairs (material, weight, what it opens)."),
        Extensions(),
    ]);

    public static ObjectShape Character { get; } = new("character", "a character", "A person in the world: who they are, what they know and hide, where they start, how they act without a model.",
    [
        Required("id", Id, "Unique among characters."),
        Required("name", Text, "The name others use."),
        Key("aliases", Texts, "Other names players may type for them."),
        Key("pronouns", Text, "As the narrator should use them.") with { Default = new CharacterDefinition { Id = "c", Name = "n" }.Pronouns },
        Key("description", Text, "What others see at a glance."),
        Key("background", Text, "Their history, known to them."),
        Object("personality", "personality", "Big Five scores and traits in the author's words."),
        Object("speech", "speech", "How they talk."),
        Object("goals", "goals", "What they want, soon and in the end."),
        List("relationships", "relationship", "How they regard other characters."),
        Key("knowledge", Texts, "Facts they know and may speak of."),
        List("secrets", "secret", "Facts they know and hide."),
        Object("start", "start", "Where and how they are when play begins."),
        Key("player", Boolean, "A human may play this character.") with { Default = Yaml(false) },
        Object("authored", "authored", "Lines and reactions used when no language model plays them."),
        Extensions(),
    ]);

    public static ObjectShape Personality { get; } = new("personality", "a personality", "Big Five scores plus free-text traits.",
    [
        Object("big_five", "big_five", "The five-factor model, each score from 0 (low) to 1 (high)."),
        Key("traits", Texts, "Traits in the author's words (\"dry humour\", \"hates waste\")."),
    ]);

    private static Field Score(string name, string description) => Required(name, new NumberShape(0, 1), description);

    public static ObjectShape BigFive { get; } = new("big_five", "Big Five scores", "Five scores from 0 (low) to 1 (high); 0.5 is average.",
    [
        Score("openness", "Curiosity and imagination, against liking the familiar."),
        Score("conscientiousness", "Order and diligence, against spontaneity."),
        Score("extraversion", "Drawing energy from company, against from solitude."),
        Score("agreeableness", "Warmth and trust, against challenge and suspicion."),
        Score("neuroticism", "Feeling threat and strain readily, against calm."),
    ]);

    public static ObjectShape Speech { get; } = new("speech", "a speech style", "How a character talks.",
    [
        Key("style", Text, "Their way of talking, described."),
        Key("examples", Texts, "Sample lines in their voice."),
        Key("catchphrases", Texts, "Phrases they come back to."),
    ]);

    public static ObjectShape Goals { get; } = new("goals", "goals", "What a character wants.",
    [
        Key("short_term", Texts, "Wants for this scene or night."),
        Key("long_term", Texts, "Wants for their life."),
    ]);

    public static ObjectShape Relationship { get; } = new("relationship", "a relationship", "How a character regards another.",
    [
        Ref("with", "character", "The other character.", required: true),
        Required("stance", Text, "Their attitude, in a few words (\"wary respect\")."),
        Key("note", Text, "Why, or what lies between them."),
    ]);

    public static ObjectShape Secret { get; } = new("secret", "a secret", "A fact a character hides; its keywords let a leak be detected in others' text.",
    [
        Required("id", Id, "Unique among the character's secrets."),
        Required("text", Text, "The fact."),
        Key("keywords", Texts, "Words whose appearance in another character's text suggests the secret leaked."),
    ]);

    public static ObjectShape Start { get; } = new("start", "a starting state", "Where and how a character is when play begins.",
    [
        Ref("location", "location", "Where they are; the start scene's location when absent."),
        Key("position", Text, "Posture or place within the location (\"slumped at the foot of the stair\")."),
        Key("state", Text, "Physical and practical condition (\"soaked, one boot missing\")."),
        Key("emotion", Text, "Their mood.") with { Default = DefaultStart.Emotion },
        RefList("inventory", "item", "Items they carry."),
    ]);

    public static ObjectShape Authored { get; } = new("authored", "authored behaviour", "What a character does when no model plays it.",
    [
        List("lines", "line", "Turns written in advance: on its turn the character takes the first line whose conditions hold and that is not used up."),
        List("reactions", "reaction", "Responses to being spoken to or acted upon: the first that matches is taken."),
    ]);

    public static ObjectShape Line { get; } = new("line", "an authored line", "A turn written in advance.",
    [
        Key("id", Id, "A name for the line, unique within the character; useful in logs."),
        Ref("scene", "scene", "Only in this scene."),
        Object("when", "condition", "Must hold for the line to be chosen; 'carrying' means the speaker."),
        Required("action", Text, "The visible action (\"Abel lowers himself onto the bottom step\")."),
        Key("say", Text, "What the character says."),
        Key("once", Boolean, "Used at most once; false lets it repeat.") with { Default = Yaml(DefaultLine.Once) },
        Object("act", "act", "A world change the line performs, under the same rules as a player's command."),
        new("set_flags", Flags, "Flags the line sets."),
        Key("emotion", Text, "The character's mood afterwards."),
    ]);

    public static ObjectShape Reaction { get; } = new("reaction", "an authored reaction", "A response to being spoken to or acted upon.",
    [
        Key("on", Texts, "Words in what is said or done to the character (case-insensitive; whole words, or anywhere in scripts without spaces); none: anything."),
        Ref("from", "character", "Only when this character is the one acting."),
        Object("when", "condition", "Must hold for the reaction to be chosen; 'carrying' means the reacting character."),
        Required("action", Text, "The visible reaction."),
        Key("say", Text, "What the character says."),
        Key("once", Boolean, "Used at most once.") with { Default = Yaml(DefaultReaction.Once) },
        Object("act", "act", "A world change the reaction performs (handing over a key)."),
        new("set_flags", Flags, "Flags the reaction sets."),
        Key("emotion", Text, "The character's mood afterwards."),
    ]);

    public static ObjectShape Act { get; } = new("act", "an act", "A physical act, written as a one-key mapping: {go: location}, {take: item}, {drop: item} or {give: {item: i, to: character}}.",
    [
        Ref("go", "location", "Walk to this location, through an exit of the current one."),
        Ref("take", "item", "Pick up this item from the current location."),
        Ref("drop", "item", "Put down this carried item here."),
        Object("give", "give", "Hand a carried item to a character present."),
    ])
    { ExactlyOne = true };

    public static ObjectShape Give { get; } = new("give", "a give act", "What to give to whom.",
    [
        Ref("item", "item", "The item, carried by the giver.", required: true),
        Ref("to", "character", "The character receiving it.", required: true),
    ]);

    public static ObjectShape Scene { get; } = new("scene", "a scene", "A stretch of play with a place, a cast and a way to end. Scenes move no one: characters stay where they are.",
    [
        Required("id", Id, "Unique among scenes."),
        Key("title", Text, "A heading for the scene."),
        Key("event", Text, "What is happening, in a sentence."),
        Key("time", Text, "In-story time, as prose (\"a little before midnight\")."),
        Ref("location", "location", "Where the scene is staged; for the start scene, also where characters without a start location begin.", required: true),
        Key("description", Text, "The environment as the scene opens."),
        RefList("participants", "character", "Characters who take turns, in first-round order."),
        List("opening", "opening_beat", "Round 0: beats every participant observes before the first round."),
        Object("end", "scene_end", "When the scene ends: after max_rounds, or when a condition holds."),
        List("triggers", "trigger", "Things that happen when a condition first holds."),
        List("transitions", "transition", "Where play goes when the scene ends: the first whose condition holds; none means the story ends."),
        Key("turn_order", new ChoiceShape([.. Enum.GetValues<TurnOrder>().Select(t => t.ToString().ToLowerInvariant())]), "reactive: a character that reacts loses its turn, and the next round follows the order of acting (CharacterBox); fixed: participants' order every round.") with { Default = DefaultScene.TurnOrder.ToString().ToLowerInvariant() },
        Key("gather", Boolean, "When the scene starts, participants who are elsewhere come to its location; otherwise scenes move no one.") with { Default = Yaml(false) },
        Key("closing", Text, "Narrated when the scene ends."),
        Extensions(),
    ]);

    public static ObjectShape OpeningBeat { get; } = new("opening_beat", "an opening beat", "A seeded beat: who does what, and says what, before the first round.",
    [
        Ref("actor", "character", "Who acts; a participant of the scene.", required: true),
        Required("action", Text, "What they do."),
        Key("dialogue", Text, "What they say."),
    ]);

    public static ObjectShape SceneEnd { get; } = new("scene_end", "a scene end", "A scene ends when 'when' holds after a turn, or after max_rounds rounds; it needs at least one of them.",
    [
        Key("max_rounds", new IntegerShape(1), "End after this many rounds."),
        Object("when", "condition", "End as soon as this holds; 'carrying' means anyone present."),
    ]);

    public static ObjectShape Trigger { get; } = new("trigger", "a trigger", "Narration, a change to the environment and flags, when a condition holds.",
    [
        Required("id", Id, "Unique within the scene."),
        Object("when", "condition", "Fires when this holds; 'carrying' means anyone present.", required: true),
        Key("once", Boolean, "Fires at most once per scene; false fires whenever it is checked and holds.") with { Default = Yaml(DefaultTrigger.Once) },
        Key("narrate", Text, "Narrated when it fires."),
        Key("heard", new ChoiceShape([.. Enum.GetValues<Hearing>().Select(h => h.ToString().ToLowerInvariant())]), "Where the narration is heard: here (the scene's location), adjacent (there and one exit away, told as from there) or everywhere.") with { Default = DefaultTrigger.Heard.ToString().ToLowerInvariant() },
        Key("environment", Text, "Replaces the scene's description of its surroundings."),
        new("set_flags", Flags, "Flags it sets."),
        new("clear_flags", Flags, "Flags it clears."),
    ]);

    public static ObjectShape Transition { get; } = new("transition", "a transition", "A possible next scene.",
    [
        Ref("to", "scene", "The next scene.", required: true),
        Object("when", "condition", "Taken only if this holds; none: always."),
    ]);

    public static ObjectShape Lore { get; } = new("lore", "a lore entry", "Background text put into prompts when one of its keys comes up in play, as in lorebooks.",
    [
        Required("id", Id, "Unique among lore entries."),
        Key("keys", Texts, "Words or phrases (whole words, case-insensitive; anywhere in scripts without spaces) or /regular expressions/."),
        Required("text", Text, "The lore."),
        Key("always", Boolean, "Always included, keys or not.") with { Default = Yaml(false) },
        Key("priority", new IntegerShape(), "Higher goes first when prompt space is short.") with { Default = Yaml(0) },
        Key("secondary_keys", Texts, "Checked after a key matched, combined by 'logic'; written like keys."),
        Key("logic", new ChoiceShape([.. Enum.GetValues<LoreLogic>().Select(LoreLogicWords.Word)]), "How secondary keys combine: and_any (one of them too), and_all (all of them too), not_any (none of them), not_all (not all of them).") with { Default = LoreLogicWords.Word(DefaultLore.Logic) },
        Key("enabled", Boolean, "False switches the entry off; it stays in the world.") with { Default = Yaml(DefaultLore.Enabled) },
        Object("when", "condition", "Included only while this holds (a flag, a place, an item); 'carrying' means the character whose prompt it is."),
        Key("probability", new IntegerShape(0, 100), "Chance in percent that an activated entry is included, rolled from the episode seed so replays agree.") with { Default = Yaml(DefaultLore.Probability) },
        Key("scan_depth", new IntegerShape(1, 1000), "Recent observations scanned for this entry's keys; the world's lore_settings when absent."),
        Key("case_sensitive", Boolean, "Keys match only with the same capitals.") with { Default = Yaml(false) },
        Key("whole_words", Boolean, "Plain keys match whole words; false: anywhere, inside longer words too.") with { Default = Yaml(true) },
        Extensions(),
    ]);

    public static ObjectShape Condition { get; } = new("condition", "a condition", "A condition over the world's state, written as a one-key mapping: {flag: f}, {holds: {...}}, {at: {...}}, {item_at: {...}}, {carrying: i}, {round: n}, {all: [...]}, {any: [...]} or {not: ...}.",
    [
        new("flag", Id, "The flag is set."),
        Object("holds", "holds", "A character carries an item."),
        Object("at", "at", "A character is at a location."),
        Object("item_at", "item_at", "An item lies at a location (not carried)."),
        Ref("carrying", "item", "The character the condition is about carries the item (see where the condition is used)."),
        Key("round", new IntegerShape(1), "The scene has reached this round (1 is the first)."),
        new("all", new ListShape(new ObjectRef("condition")), "Every condition in the list holds."),
        new("any", new ListShape(new ObjectRef("condition")), "At least one condition in the list holds."),
        Object("not", "condition", "The condition does not hold."),
    ])
    { ExactlyOne = true };

    public static ObjectShape Holds { get; } = new("holds", "a holds condition", "A character carries an item.",
    [
        Ref("character", "character", "Who.", required: true),
        Ref("item", "item", "What.", required: true),
    ]);

    public static ObjectShape At { get; } = new("at", "an at condition", "A character is at a location.",
    [
        Ref("character", "character", "Who.", required: true),
        Ref("location", "location", "Where.", required: true),
    ]);

    public static ObjectShape ItemAt { get; } = new("item_at", "an item_at condition", "An item lies at a location.",
    [
        Ref("item", "item", "What.", required: true),
        Ref("location", "location", "Where.", required: true),
    ]);

    /// <summary>Every mapping of the format, the file first; names are unique.</summary>
    public static ImmutableArray<ObjectShape> Objects { get; } =
    [
        File, World, Clock, Location, Exit, Detail, Item, Character, Personality, BigFive, Speech, Goals,
        Relationship, Secret, Start, Authored, Line, Reaction, Act, Give, Scene, OpeningBeat, SceneEnd, Trigger,
        Transition, Lore, LoreSettings, Condition, Holds, At, ItemAt,
    ];

    private static ImmutableDictionary<string, ObjectShape> ByName { get; } = Objects.ToImmutableDictionary(o => o.Name);

    public static ObjectShape Object(string name) =>
        ByName.TryGetValue(name, out var shape) ? shape : throw new ArgumentException($"The format has no mapping named '{name}'.", nameof(name));
}

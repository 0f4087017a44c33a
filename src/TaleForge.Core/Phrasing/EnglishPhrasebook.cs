using TaleForge.Core.Definitions;
using TaleForge.Core.Events;

namespace TaleForge.Core.Phrasing;

/// <summary>Rule narration in English: second person for the reader's own character, third person for others.</summary>
public sealed class EnglishPhrasebook : Phrasebook
{
    public override string DirectionWord(Direction direction) => direction.Word();

    public override string Left(Subject who, string exit, string destination) =>
        who.IsYou ? $"You go {exit} to {destination}." : $"{who.Name} leaves {exit}.";

    public override string Arrived(Subject who, string origin) =>
        who.IsYou ? $"You arrive from {origin}." : $"{who.Name} arrives from {origin}.";

    public override string Gathered(Subject who, string destination) =>
        who.IsYou ? $"You make your way to {destination}." : $"{who.Name} makes their way to {destination}.";

    public override string Took(Subject who, string item) => $"{Name(who)} {Verb(who, "take")} {item}.";
    public override string Dropped(Subject who, string item) => $"{Name(who)} {Verb(who, "put")} down {item}.";
    public override string Gave(Subject who, string item, Subject to) =>
        $"{Name(who)} {Verb(who, "give")} {item} to {Object(to)}.";

    public override string Said(Subject who, string text, IReadOnlyList<Subject> to) =>
        to.Count == 0
            ? $"{Name(who)} {Verb(who, "say")}: \u201c{text}\u201d"
            : $"{Name(who)} {Verb(who, "say")} to {List([.. to.Select(Object)])}: \u201c{text}\u201d";

    public override string HeardFrom(string place, string text) => $"From {place}: {text}";

    public override string Overheard(Subject who, string text, IReadOnlyList<Subject> to, string place) =>
        to.Count == 0
            ? $"From {place}, {Object(who)} {Verb(who, "say")}: \u201c{text}\u201d"
            : $"From {place}, {Object(who)} {Verb(who, "say")} to {List([.. to.Select(Object)])}: \u201c{text}\u201d";

    public override string Imperative(string action) => EnglishVerbForms.BaseForm(action);

    public override string TriedAction(string imperative) => $"tries to {imperative.Trim()}, but nothing comes of it";

    public override string Acted(Subject who, string action) =>
        who.IsYou ? $"You {Finished(ConjugateFirstVerb(action, thirdPerson: false))}" : $"{who.Name} {Finished(action)}";

    public override string PositionChanged(Subject who, string position) => $"{Name(who)} {Verb(who, "is")} now {position}.";
    public override string ConditionChanged(Subject who, string condition) => $"{Name(who)} {Verb(who, "is")} {condition}.";
    public override string EmotionChanged(Subject who, string emotion) => $"{Name(who)} {Verb(who, "seem")} {emotion}.";

    public override string Refused(Subject who, VetoReason reason, Func<string, string> itemName, Func<string, string> characterName) =>
        reason switch
        {
            VetoReason.NoSuchExit x => $"{Name(who)} can't go \u201c{x.Exit}\u201d from here.",
            VetoReason.ExitBlocked { Text: { Length: > 0 } text } => text,
            VetoReason.ExitBlocked x => $"The way {x.Exit} is closed.",
            VetoReason.UnknownItem x => $"There is no \u201c{x.Name}\u201d to be seen here.",
            VetoReason.ItemNotHere x => $"{Capital(itemName(x.Item))} is not here.",
            VetoReason.NotPortable x => $"{Capital(itemName(x.Item))} cannot be carried.",
            VetoReason.AlreadyCarrying x => $"{Name(who)} already {Verb(who, "carry")} {itemName(x.Item)}.",
            VetoReason.NotCarrying x => $"{Name(who)} {(who.IsYou ? "aren't" : "isn't")} carrying {itemName(x.Item)}.",
            VetoReason.UnknownCharacter x => $"Nobody called \u201c{x.Name}\u201d is here.",
            VetoReason.Absent x => $"{characterName(x.Character)} is not here.",
            VetoReason.SelfTarget => $"{Name(who)} can't do that to {(who.IsYou ? "yourself" : "themselves")}.",
            VetoReason.StoryOver => "The story is over.",
            _ => $"{Name(who)} can't do that.",
        };

    public override string ExitList(IReadOnlyList<string> exits) =>
        exits.Count == 0 ? "There is no way out." : $"Exits: {string.Join(", ", exits)}.";

    public override string ItemsHere(IReadOnlyList<string> items) => $"You see {List(items)}.";
    public override string PeopleHere(IReadOnlyList<string> people) =>
        $"{List(people)} {(people.Count == 1 ? "is" : "are")} here.";

    public override string Inventory(IReadOnlyList<string> items) =>
        items.Count == 0 ? "You are carrying nothing." : $"You are carrying {List(items)}.";

    public override string Yourself(string name, string description, string position, string condition, IReadOnlyList<string> items)
    {
        var text = description.Trim();
        // "You are Ines Calder, a woman of forty…" reads as one sentence when the author began with an article.
        var opening = text.Split(' ', 2)[0] is "A" or "An" or "The"
            ? $"You are {name}, {char.ToLowerInvariant(text[0])}{Finished(text)[1..]}"
            : text.Length > 0 ? $"You are {name}. {Finished(text)}" : $"You are {name}.";
        var parts = new List<string> { opening };
        parts.AddRange(new[] { position, condition }.Where(p => p.Trim().Length > 0).Select(p => $"You are {Finished(p)}"));
        parts.Add(Inventory(items));
        return string.Join(" ", parts);
    }

    public override string NothingSpecial(string target) => $"You see nothing special about {target}.";
    public override string CannotSee(string target) => $"You can't see any \u201c{target}\u201d here.";
    public override string WaitAction => "waits";
    public override string UnstatedEmotion => "calm";

    public override string ThirdPersonAction(string imperative) => ConjugateFirstVerb(imperative, thirdPerson: true);
    public override string CarriedBy(string person) => $"{person} has it.";

    public override string AttemptGo(string exit) => $"go {exit}";
    public override string AttemptTake(string item) => $"take {item}";
    public override string AttemptDrop(string item) => $"drop {item}";
    public override string AttemptGive(string item, string to) => $"give {item} to {to}";

    public override string SceneBegins(string title) => title;
    public override string StoryEnds => "The story ends here.";
    public override string AuthoredMode =>
        "No model is configured: characters speak the lines their author wrote (authored mode).";

    public override string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nothing",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    // Proper names ("Mara's Ledger") and names that carry their own article keep their form.
    public override string Definite(string name) =>
        name.Length == 0 || char.IsUpper(name[0]) || name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("an ", StringComparison.OrdinalIgnoreCase)
            ? name
            : "the " + name;

    private static string Name(Subject who) => who.IsYou ? "You" : who.Name;
    private static string Object(Subject who) => who.IsYou ? "you" : who.Name;

    // "You take" / "Mara takes": English marks the third person singular, and little else.
    private static string Verb(Subject who, string verb) => who.IsYou ? verb switch { "is" => "are", _ => verb } : verb switch
    {
        "is" => "is",
        "carry" => "carries",
        _ => verb + "s",
    };

    /// <summary>
    /// Actions are stored in the third person ("waits at the rail"); the reader's own read in the second
    /// ("You wait at the rail"). Leading adverbs ("slowly") are skipped; the rest of the text is kept as written.
    /// </summary>
    private static string ConjugateFirstVerb(string action, bool thirdPerson)
    {
        var words = action.Trim().Split(' ');
        var i = 0;
        while (i < words.Length - 1 && words[i].EndsWith("ly", StringComparison.Ordinal))
        {
            i++;
        }
        if (words.Length == 0 || words[i].Length == 0)
        {
            return action;
        }
        var lower = words[i].ToLowerInvariant();
        words[i] = thirdPerson ? ThirdPerson(lower) : BaseForm(lower);
        return string.Join(' ', words);
    }

    private static string ThirdPerson(string verb) => verb switch
    {
        "be" => "is",
        "have" => "has",
        // Already in the third person ("sits", "exits"): adding an ending again would read "sitses".
        _ when EnglishVerbForms.IsThirdPerson(verb) => verb,
        _ when verb.EndsWith('y') && verb.Length > 1 && !"aeiou".Contains(verb[^2], StringComparison.Ordinal) => verb[..^1] + "ies",
        _ when verb.EndsWith('s') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal)
            || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith('o') => verb + "es",
        _ => verb + "s",
    };

    /// <summary>The form after "you": "are" where the verb forms would say "be".</summary>
    private static string BaseForm(string verb) => verb == "is" ? "are" : EnglishVerbForms.FromThirdPerson(verb);

    public override string Sentence(string text) => Finished(text);

    private static string Finished(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || char.IsPunctuation(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

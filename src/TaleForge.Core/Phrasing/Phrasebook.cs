using TaleForge.Core.Definitions;
using TaleForge.Core.Events;

namespace TaleForge.Core.Phrasing;

/// <summary>
/// The sentences the rules speak in: outcomes, refusals, descriptions. One subclass per language, chosen by the
/// world's <see cref="WorldInfo.Language"/>, so a world written in Chinese is narrated in Chinese with no model.
/// Item and place arguments arrive as display names.
/// </summary>
public abstract class Phrasebook
{
    public static Phrasebook English { get; } = new EnglishPhrasebook();
    public static Phrasebook Chinese { get; } = new ChinesePhrasebook();

    public static Phrasebook For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public abstract string DirectionWord(Direction direction);

    public abstract string Left(Subject who, string exit, string destination);
    public abstract string Arrived(Subject who, string origin);

    /// <summary>A character brought to a scene by the story ("You make your way to the Quay.").</summary>
    public abstract string Gathered(Subject who, string destination);
    public abstract string Took(Subject who, string item);
    public abstract string Dropped(Subject who, string item);
    public abstract string Gave(Subject who, string item, Subject to);
    public abstract string Said(Subject who, string text, IReadOnlyList<Subject> to);

    /// <summary>A line heard from a neighbouring place, saying where it came from ("From the Tower Stair, Mara says: …").</summary>
    public abstract string Overheard(Subject who, string text, IReadOnlyList<Subject> to, string place);

    /// <summary>A trigger's narration heard from a neighbouring place ("From the Lamp Room: …").</summary>
    public abstract string HeardFrom(string place, string text);

    /// <summary>
    /// An action the rules do not know, told as the attempt it is ("tries to fill the lamp"), third person as
    /// <see cref="Acted"/> expects it: with no model nothing decides what such an action does.
    /// </summary>
    public abstract string TriedAction(string imperative);

    /// <summary>
    /// What a player typed about their own character, as a command ("sat by the fire", "sits down", "am sitting
    /// here" become "sit by the fire", "sit down", "sit here"), so it can be told in any person.
    /// </summary>
    public virtual string Imperative(string action) => action.Trim();
    public abstract string Acted(Subject who, string action);
    public abstract string PositionChanged(Subject who, string position);
    public abstract string ConditionChanged(Subject who, string condition);
    public abstract string EmotionChanged(Subject who, string emotion);
    public abstract string Refused(Subject who, VetoReason reason, Func<string, string> itemName, Func<string, string> characterName);

    public abstract string ExitList(IReadOnlyList<string> exits);
    public abstract string ItemsHere(IReadOnlyList<string> items);
    public abstract string PeopleHere(IReadOnlyList<string> people);
    public abstract string Inventory(IReadOnlyList<string> items);
    public abstract string NothingSpecial(string target);

    /// <summary>
    /// The player's own character, examined ("x me"): who they are, how they look, where and how they are, what
    /// they carry, in the second person. Empty parts are left out.
    /// </summary>
    public abstract string Yourself(string name, string description, string position, string condition, IReadOnlyList<string> items);
    public abstract string CannotSee(string target);
    /// <summary>The action of a character who does nothing else ("waits"), as <see cref="Acted"/> expects it.</summary>
    public abstract string WaitAction { get; }

    /// <summary>The mood of a character whose author gave none, in the world's language.</summary>
    public abstract string UnstatedEmotion { get; }

    /// <summary>A player's imperative ("wave at Tomas") as the third-person action others read ("waves at Tomas").</summary>
    public virtual string ThirdPersonAction(string imperative) => imperative;
    public abstract string CarriedBy(string person);

    /// <summary>Attempts as they are logged: "go up", "take the lantern".</summary>
    public abstract string AttemptGo(string exit);
    public abstract string AttemptTake(string item);
    public abstract string AttemptDrop(string item);
    public abstract string AttemptGive(string item, string to);

    public abstract string SceneBegins(string title);
    public abstract string StoryEnds { get; }
    public abstract string AuthoredMode { get; }

    /// <summary>An item's name as it reads in running text ("the brass key" in English).</summary>
    public abstract string Definite(string name);

    /// <summary>Text as a finished sentence: capitalised where the script has capitals, ended with a full stop.</summary>
    public abstract string Sentence(string text);

    /// <summary>Joins names as a list is written in this language.</summary>
    public abstract string List(IReadOnlyList<string> items);
}

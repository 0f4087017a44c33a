using System.Collections.Immutable;

namespace TaleForge.Research.Evaluation.Interview;

public enum BigFiveTrait
{
    Openness,
    Conscientiousness,
    Extraversion,
    Agreeableness,
    Neuroticism,
}

/// <summary>One statement of the inventory: "I see myself as someone who ...", its trait, and whether agreeing means less of it.</summary>
public sealed record InventoryItem(int Number, string Text, BigFiveTrait Trait, bool Reversed);

/// <summary>
/// The Big Five Inventory (BFI-44; John, Donahue and Kentle 1991, as published by John and Srivastava 1999): 44
/// short statements rated from 1 (disagree strongly) to 5 (agree strongly), with the instrument's keying: 8 items
/// for extraversion, 9 agreeableness, 9 conscientiousness, 8 neuroticism, 10 openness, 16 of them reversed.
/// </summary>
public static class BigFiveInventory
{
    public const string Stem = "I see myself as someone who";

    public const string ChineseStem = "我觉得自己";

    private const BigFiveTrait E = BigFiveTrait.Extraversion;
    private const BigFiveTrait A = BigFiveTrait.Agreeableness;
    private const BigFiveTrait C = BigFiveTrait.Conscientiousness;
    private const BigFiveTrait N = BigFiveTrait.Neuroticism;
    private const BigFiveTrait O = BigFiveTrait.Openness;

    public static ImmutableArray<InventoryItem> Items { get; } =
    [
        new(1, "is talkative", E, false),
        new(2, "tends to find fault with others", A, true),
        new(3, "does a thorough job", C, false),
        new(4, "is depressed, blue", N, false),
        new(5, "is original, comes up with new ideas", O, false),
        new(6, "is reserved", E, true),
        new(7, "is helpful and unselfish with others", A, false),
        new(8, "can be somewhat careless", C, true),
        new(9, "is relaxed, handles stress well", N, true),
        new(10, "is curious about many different things", O, false),
        new(11, "is full of energy", E, false),
        new(12, "starts quarrels with others", A, true),
        new(13, "is a reliable worker", C, false),
        new(14, "can be tense", N, false),
        new(15, "is ingenious, a deep thinker", O, false),
        new(16, "generates a lot of enthusiasm", E, false),
        new(17, "has a forgiving nature", A, false),
        new(18, "tends to be disorganized", C, true),
        new(19, "worries a lot", N, false),
        new(20, "has an active imagination", O, false),
        new(21, "tends to be quiet", E, true),
        new(22, "is generally trusting", A, false),
        new(23, "tends to be lazy", C, true),
        new(24, "is emotionally stable, not easily upset", N, true),
        new(25, "is inventive", O, false),
        new(26, "has an assertive personality", E, false),
        new(27, "can be cold and aloof", A, true),
        new(28, "perseveres until the task is finished", C, false),
        new(29, "can be moody", N, false),
        new(30, "values artistic, aesthetic experiences", O, false),
        new(31, "is sometimes shy, inhibited", E, true),
        new(32, "is considerate and kind to almost everyone", A, false),
        new(33, "does things efficiently", C, false),
        new(34, "remains calm in tense situations", N, true),
        new(35, "prefers work that is routine", O, true),
        new(36, "is outgoing, sociable", E, false),
        new(37, "is sometimes rude to others", A, true),
        new(38, "makes plans and follows through with them", C, false),
        new(39, "gets nervous easily", N, false),
        new(40, "likes to reflect, play with ideas", O, false),
        new(41, "has few artistic interests", O, true),
        new(42, "likes to cooperate with others", A, false),
        new(43, "is easily distracted", C, true),
        new(44, "is sophisticated in art, music, or literature", O, false),
    ];

    /// <summary>The same 44 statements in Chinese, in the same order, put to a character of a Chinese world.</summary>
    private static readonly ImmutableArray<string> ChineseItems =
    [
        "健谈",
        "爱挑别人的毛病",
        "做事周全彻底",
        "情绪低落、郁郁寡欢",
        "有创意，常有新点子",
        "矜持寡言",
        "乐于助人，对人无私",
        "有时有些马虎",
        "放松，能很好地应对压力",
        "对许多不同的事物都好奇",
        "精力充沛",
        "爱和别人争吵",
        "工作可靠",
        "有时会紧张",
        "心思巧妙，善于深思",
        "能激发很多热情",
        "天性宽容",
        "往往缺乏条理",
        "经常担忧",
        "想象力丰富",
        "往往沉默寡言",
        "通常信任别人",
        "往往比较懒",
        "情绪稳定，不容易心烦",
        "富有创造力",
        "性格果断自信",
        "有时冷淡疏远",
        "坚持到把事情做完",
        "有时喜怒无常",
        "看重艺术和审美体验",
        "有时害羞、拘谨",
        "对几乎所有人都体贴友善",
        "做事有效率",
        "在紧张的局面中保持镇定",
        "喜欢按部就班的工作",
        "外向，爱交际",
        "有时对人粗鲁",
        "会制定计划并贯彻到底",
        "容易紧张不安",
        "喜欢思考、琢磨各种想法",
        "对艺术没什么兴趣",
        "喜欢与人合作",
        "容易分心",
        "在艺术、音乐或文学方面有修养",
    ];

    /// <summary>An item as the character is asked it, stem included, in the world's language (Chinese, else English).</summary>
    public static string Statement(InventoryItem item, string language)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(language);
        return language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? ChineseStem + ChineseItems[item.Number - 1]
            : $"{Stem} {item.Text}";
    }

    /// <summary>
    /// Trait scores from 0 to 1: the mean of the trait's answered items (a reversed item counts as 6 minus the
    /// answer), mapped from 1..5 to 0..1 as the authored Big Five are written. A trait with no answer is null.
    /// </summary>
    public static ImmutableSortedDictionary<BigFiveTrait, double?> Score(IReadOnlyDictionary<int, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (number, answer) in answers)
        {
            if (number is < 1 or > 44 || answer is < 1 or > 5)
            {
                throw new ArgumentException($"Item {number} answered {answer}: items are 1 to 44 and answers 1 to 5.", nameof(answers));
            }
        }
        return Enum.GetValues<BigFiveTrait>().ToImmutableSortedDictionary(
            trait => trait,
            trait =>
            {
                var keyed = Items.Where(i => i.Trait == trait && answers.ContainsKey(i.Number))
                    .Select(i => i.Reversed ? 6 - answers[i.Number] : answers[i.Number])
                    .ToList();
                return keyed.Count == 0 ? (double?)null : (keyed.Average() - 1) / 4;
            });
    }
}

using TaleForge.Core.Definitions;

namespace TaleForge.Content.Format;

/// <summary>How <see cref="LoreLogic"/> is spelled in YAML: and_any, and_all, not_any, not_all.</summary>
public static class LoreLogicWords
{
    public static string Word(LoreLogic logic) => logic switch
    {
        LoreLogic.AndAny => "and_any",
        LoreLogic.AndAll => "and_all",
        LoreLogic.NotAny => "not_any",
        LoreLogic.NotAll => "not_all",
        _ => throw new ArgumentOutOfRangeException(nameof(logic), logic, "A lore logic with no spelling."),
    };

    public static LoreLogic? Parse(string? word) =>
        Enum.GetValues<LoreLogic>().Select(l => (LoreLogic?)l).FirstOrDefault(l => Word(l!.Value) == word);
}

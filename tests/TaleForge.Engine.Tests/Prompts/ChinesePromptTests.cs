using System.Text.RegularExpressions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests.Prompts;

/// <summary>
/// A Chinese world is prompted wholly in Chinese: no English scaffolding around its values and no English default
/// values among them. The only Latin words left are the reply's JSON keys and the ids the model answers with.
/// </summary>
public sealed partial class ChinesePromptTests
{
    /// <summary>The field names of replies, the command words and literals a reply is given in: what the model must write as is.</summary>
    private static readonly HashSet<string> ReplyWords =
    [
        "action", "dialogue", "command", "target", "emotion", "belief", "desire", "intention", "others", "impact",
        "position", "condition", "changed", "true", "false", "choice", "reason", "summary", "none", "go", "take", "drop", "give", "to",
    ];

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_-]*")]
    private static partial Regex LatinWord();

    private static List<string> English(string prompt, IEnumerable<string> ids) =>
        [.. LatinWord().Matches(prompt).Select(m => m.Value).Where(w => !ReplyWords.Contains(w) && !ids.Contains(w)).Distinct()];

    public static TheoryData<string> Kinds() => [.. EnginePrompts.Kinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_chinese_template_holds_no_english_words_outside_reply_keys_and_ids(string name)
    {
        var kind = EnginePrompts.Kinds.Single(k => k.Name == name);

        var prompt = PromptSet.BuiltIn.Render(kind, "zh", PromptSamples.For(kind, chinese: true));

        Assert.Empty(English(prompt, ["mara", "tomas", "lantern", "key", "north"]));
    }

    [Fact]
    public void The_chinese_sample_world_is_prompted_in_chinese_from_profile_to_scene() =>
        AssertPromptedInChinese(SampleWorlds.Load("tea-house-rain"));

    [Fact]
    public void A_chinese_characterbox_work_is_prompted_in_chinese_from_profile_to_scene() =>
        AssertPromptedInChinese(Content.Importers.CharacterBox.CharacterBoxImporter.Load(
            Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "dukou-yehua.json")));

    /// <summary>Every character's profile and situation, and the narrator's voice and scene, at the start of the world.</summary>
    private static void AssertPromptedInChinese(Core.Definitions.WorldDefinition world)
    {
        var state = WorldState.Initial(world);
        var ids = world.Characters.Select(c => c.Id).Concat(world.Items.Select(i => i.Id)).Concat(world.Locations.Select(l => l.Id))
            .Concat(world.Locations.SelectMany(l => l.Exits.Select(e => $"{e.Direction}".ToLowerInvariant()))).ToHashSet();

        foreach (var character in world.Characters)
        {
            var view = ViewBuilder.For(state, character.Id, [], direction: null);
            Assert.Empty(English(CharacterPrompt.Profile(PromptSet.BuiltIn, view), ids));
            Assert.Empty(English(CharacterPrompt.Situation(PromptSet.BuiltIn, view, memories: 5, recent: 5), ids));
        }
        var narrator = new NarratorView(state, [], "");
        Assert.Empty(English(NarratorPrompt.Voice(PromptSet.BuiltIn, narrator), ids));
        Assert.Empty(English(NarratorPrompt.Scene(PromptSet.BuiltIn, narrator, recent: 10), ids));
    }

    [Fact]
    public void A_chinese_character_whose_author_gave_no_mood_starts_calm_in_chinese()
    {
        var world = TestWorld.Harbour("zh");

        var state = WorldState.Initial(world);

        Assert.All(world.Characters.Where(c => c.Start.Emotion == Core.Definitions.CharacterStart.UnstatedEmotion),
            c => Assert.Equal("平静", state.Character(c.Id).Emotion));
        Assert.Equal("calm", WorldState.Initial(TestWorld.Harbour()).Character("ines").Emotion);
    }
}

using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents.Models;
using TaleForge.Inference.Fakes;
using TaleForge.Research.Evaluation.Interview;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class InterviewTests
{
    [Fact]
    public void The_inventory_has_the_44_items_with_the_published_keying()
    {
        var items = BigFiveInventory.Items;
        Assert.Equal(Enumerable.Range(1, 44), items.Select(i => i.Number));
        Assert.Equal(8, items.Count(i => i.Trait == BigFiveTrait.Extraversion));
        Assert.Equal(9, items.Count(i => i.Trait == BigFiveTrait.Agreeableness));
        Assert.Equal(9, items.Count(i => i.Trait == BigFiveTrait.Conscientiousness));
        Assert.Equal(8, items.Count(i => i.Trait == BigFiveTrait.Neuroticism));
        Assert.Equal(10, items.Count(i => i.Trait == BigFiveTrait.Openness));
        Assert.Equal([2, 6, 8, 9, 12, 18, 21, 23, 24, 27, 31, 34, 35, 37, 41, 43], items.Where(i => i.Reversed).Select(i => i.Number));
    }

    [Fact]
    public void Agreeing_strongly_with_everything_scores_each_trait_by_its_share_of_reversed_items()
    {
        var scores = BigFiveInventory.Score(Enumerable.Range(1, 44).ToDictionary(n => n, _ => 5));

        // Extraversion: 5 items at 5 and 3 reversed at 1 -> mean 3.5 -> (3.5 - 1) / 4.
        Assert.Equal(0.625, scores[BigFiveTrait.Extraversion]);
        Assert.Equal(0.625, scores[BigFiveTrait.Neuroticism]);
        // Agreeableness and conscientiousness: 5 at 5, 4 at 1 -> 29/9.
        Assert.Equal((29.0 / 9 - 1) / 4, scores[BigFiveTrait.Agreeableness]!.Value, 12);
        Assert.Equal((29.0 / 9 - 1) / 4, scores[BigFiveTrait.Conscientiousness]!.Value, 12);
        // Openness: 8 at 5, 2 at 1 -> 4.2.
        Assert.Equal(0.8, scores[BigFiveTrait.Openness]!.Value, 12);
    }

    [Fact]
    public async Task The_character_answers_every_item_in_its_own_voice_and_its_traits_are_compared_with_the_authored_ones()
    {
        // The model answers each statement as a person with openness 5, conscientiousness 4, extraversion 3,
        // agreeableness 2 and neuroticism 1 would, reversing for reverse-keyed statements.
        int[] level = [5, 4, 3, 2, 1];
        var client = new CallbackChatClient((messages, _) =>
        {
            var item = BigFiveInventory.Items.Single(i => messages[^1].Text.Contains($"\"{BigFiveInventory.Stem} {i.Text}.\"", StringComparison.Ordinal));
            var answer = level[(int)item.Trait];
            return $$"""{"rating":{{(item.Reversed ? 6 - answer : answer)}}}""";
        });
        var interview = new BigFiveInterview(new ModelRole { Client = client, Model = "voice.gguf" }, seed: 9);

        var result = await interview.InterviewAsync(EvaluationWorld.World(), "mara");

        Assert.Equal(44, result.Answers.Count);
        Assert.Equal(44, client.Calls.Count);
        Assert.StartsWith("You are Mara, a character in the story \"The Harbour\"", client.Calls[0].Messages[0].Text, StringComparison.Ordinal);
        Assert.All(client.Calls, c => Assert.Equal(0f, c.Options!.Temperature));
        Assert.Equal([1.0, 0.75, 0.5, 0.25, 0.0], Enum.GetValues<BigFiveTrait>().Select(t => result.Measured[t]!.Value));
        // Authored (0.8, 0.6, 0.5, 0.4, 0.2): deviations from the mean 0.5 are (.5, .25, 0, -.25, -.5) and
        // (.3, .1, 0, -.1, -.3); r = 0.35 / sqrt(0.625 * 0.2); MAE = (.2 + .15 + 0 + .15 + .2) / 5.
        Assert.Equal(0.35 / Math.Sqrt(0.625 * 0.2), result.Correlation!.Value, 9);
        Assert.Equal(0.14, result.MeanAbsoluteError!.Value, 9);
    }

    [Fact]
    public async Task A_character_without_authored_big_five_is_measured_but_not_compared()
    {
        var client = new CallbackChatClient((_, _) => """{"rating":3}""");
        var interview = new BigFiveInterview(new ModelRole { Client = client, Model = "voice.gguf" }, seed: 9);

        var result = await interview.InterviewAsync(EvaluationWorld.World(), "tomas");

        Assert.All(result.Measured.Values, v => Assert.Equal(0.5, v));
        Assert.Null(result.Authored);
        Assert.Null(result.Correlation);
        Assert.Null(result.MeanAbsoluteError);
    }
}

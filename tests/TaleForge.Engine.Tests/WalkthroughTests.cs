using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

/// <summary>Every sample world, played without a model from its walkthrough, reaches the ending it promises.</summary>
public class WalkthroughTests
{
    public static TheoryData<string, string> Endings => new()
    {
        { "greywick", "midnight" },
        { "tea-house-rain", "seal-and-word" },
    };

    [Fact]
    public void Every_sample_world_has_an_expected_ending_here()
    {
        Assert.Equal(SampleWorlds.Names.Order(), Endings.Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task The_walkthrough_plays_the_world_to_its_ending_in_authored_mode(string name, string endingScene)
    {
        var world = SampleWorlds.Load(name);
        var player = world.Characters.First(c => c.Player).Id;
        var session = new GameSession(world, Cast.Authored(world, player));
        var parser = new PlayerInputParser(Phrasebook.For(world.Info.Language));
        var transcript = new List<string>();
        session.EventAppended += (_, e) =>
        {
            if (e.IsSeenBy(player) && e.TextFor(player) is { } text)
            {
                transcript.Add(text);
            }
        };

        await session.RunAsync();
        foreach (var command in Walkthrough.Commands(name))
        {
            if (session.IsFinished)
            {
                break;
            }
            transcript.Add($"> {command}");
            switch (parser.Parse(command))
            {
                case PlayerInput.Turn turn:
                    await session.SubmitAsync(turn.Decision);
                    break;
                case PlayerInput.Ask ask:
                    session.Ask(player, ask.Query);
                    break;
                default:
                    Assert.Fail($"'{command}' is not a command a player can type");
                    break;
            }
        }

        Assert.True(session.IsFinished, "the story did not end:\n" + string.Join("\n", transcript));
        Assert.Equal(endingScene, session.State.Ending);
        Assert.DoesNotContain(session.Log, e => e.Event is WorldEvent.Vetoed && e.Actor == player);
    }
}

using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// A scripted play-through kept with a world (<c>tests/NAME.script</c>): the player's commands, one a line, and
/// what must hold when they have been played, as <c>#expect</c> lines: <c>#expect ended</c> (the story ends),
/// <c>#expect not ended</c>, <c>#expect flag NAME</c>, <c>#expect no flag NAME</c>, <c>#expect at LOCATION</c>
/// (the player's location id). <c>#as CHARACTER</c> and <c>#seed N</c> choose who plays and the seed. Played in
/// authored mode, so the same script gives the same result every time.
/// </summary>
public sealed record WorldScript(string Name, IReadOnlyList<string> Commands, IReadOnlyList<string> Expectations, string? Player, long Seed)
{
    public static WorldScript Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var commands = new List<string>();
        var expectations = new List<string>();
        string? player = null;
        long seed = 1;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (Directive(line, "#expect") is { } expectation)
            {
                expectations.Add(expectation);
            }
            else if (Directive(line, "#as") is { } who)
            {
                player = who;
            }
            else if (Directive(line, "#seed") is { } text)
            {
                seed = long.TryParse(text, out var n) ? n : throw new TaleForgeException($"{path}:{number}: '#seed {text}' is not a whole number; write '#seed 7'.");
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                commands.Add(line);
            }
        }
        return new WorldScript(Path.GetFileNameWithoutExtension(path), commands, expectations, player, seed);
    }

    /// <summary>Plays the script on <paramref name="world"/>; returns the expectations that failed (empty: it passed) and the transcript.</summary>
    public async Task<(IReadOnlyList<string> Failures, string Transcript)> RunAsync(WorldDefinition world, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        var player = Player is null ? world.Characters.FirstOrDefault(c => c.Player)?.Id
            : world.Characters.FirstOrDefault(c => c.Id == Player || string.Equals(c.Name, Player, StringComparison.OrdinalIgnoreCase))?.Id
                ?? throw new TaleForgeException($"the script '{Name}' plays as '{Player}', but the world has no such character; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}.");
        var session = new GameSession(world, Cast.Authored(world, player), new SessionOptions { Seed = Seed });
        using var controller = new PlayController(session);
        using var transcript = new StringWriter();
        var loop = new PlayLoop(new StringReader(string.Join("\n", Commands)), transcript, new StoryPrinter(transcript, TerminalStyle.Plain, player), echoInput: true);
        await loop.RunAsync(controller, cancellation);
        var failures = Expectations.Select(e => Check(e, controller.Session, player)).OfType<string>().ToList();
        return (failures, transcript.ToString());
    }

    private static string? Check(string expectation, GameSession session, string? player)
    {
        var state = session.State;
        var parts = expectation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["ended"] => state.IsOver ? null : "expected the story to end, but it did not",
            ["not", "ended"] => state.IsOver ? $"expected the story not to end, but it ended ({state.Ending})" : null,
            ["flag", var flag] => state.Flags.Contains(flag) ? null : $"expected flag '{flag}' to be set; set: {Set(state.Flags)}",
            ["no", "flag", var flag] => state.Flags.Contains(flag) ? $"expected flag '{flag}' not to be set" : null,
            ["at", var location] when player is not null => state.Character(player).Location == location
                ? null : $"expected the player at '{location}', but they are at '{state.Character(player).Location}'",
            _ => $"'#expect {expectation}' is not an expectation; write ended, not ended, flag NAME, no flag NAME or at LOCATION",
        };
    }

    private static string Set(IEnumerable<string> flags) => flags.Any() ? string.Join(", ", flags) : "none";

    private static string? Directive(string line, string name) =>
        line.StartsWith(name + " ", StringComparison.Ordinal) ? line[(name.Length + 1)..].Trim() : null;
}

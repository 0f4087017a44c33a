using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;

namespace TaleForge.Content.Tests;

/// <summary>The authors' reference keeps up with the format: every key and every diagnostic code is documented.</summary>
public class DocumentationTests
{
    private static string Reference { get; } = File.ReadAllText(Path.Combine(Repository.Docs, "world-format.md"));

    [Fact]
    public void The_format_reference_documents_every_key_of_every_mapping()
    {
        var missing = WorldFormat.Objects
            .SelectMany(o => o.Fields.Select(f => (o.Name, f.Name)))
            .Where(k => !Reference.Contains($"`{k.Item2}`", StringComparison.Ordinal))
            .Select(k => $"{k.Item1}.{k.Item2}")
            .ToList();

        Assert.True(missing.Count == 0, $"docs/world-format.md does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_format_reference_lists_every_diagnostic_code()
    {
        var missing = DiagnosticCodes.All.Where(c => !Reference.Contains($"`{c.Code}`", StringComparison.Ordinal)).Select(c => c.Code).ToList();

        Assert.True(missing.Count == 0, $"docs/world-format.md does not list: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_complete_example_in_the_reference_loads_with_no_problems()
    {
        var blocks = Reference.Split("```yaml\n");
        var example = blocks[^1][..blocks[^1].IndexOf("```", StringComparison.Ordinal)];

        var result = WorldLoader.LoadText(example);

        Expect.Clean(result);
        Assert.Equal("two-rooms", result.World!.Info.Id);
    }

    [Theory]
    [MemberData(nameof(Repository.WorldNames), MemberType = typeof(Repository))]
    public void Every_walkthrough_command_names_a_direction_item_or_character_of_its_world(string world)
    {
        var definition = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, world));
        var commands = Walkthrough.Commands(world);
        var itemNames = definition.Items.SelectMany(i => i.Aliases.Add(i.Name).Add(i.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var characterNames = definition.Characters.SelectMany(c => c.Aliases.Add(c.Name).Add(c.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var (verb, rest) = command.IndexOf(' ') is var space and > 0 ? (command[..space], command[(space + 1)..]) : (command, "");
            switch (verb)
            {
                case "say":
                    Assert.NotEmpty(rest);
                    break;
                case "wait" or "look":
                    Assert.Empty(rest);
                    break;
                case "take" or "drop" or "examine":
                    Assert.Contains(rest, itemNames);
                    break;
                case "give":
                    var parts = rest.Split(" to ");
                    Assert.Contains(parts[0], itemNames);
                    Assert.Contains(parts[1], characterNames);
                    break;
                default:
                    Assert.True(Core.Definitions.DirectionNames.TryParse(verb == "go" ? rest : command, out _), $"'{command}' is not a command");
                    break;
            }
        }
    }
}

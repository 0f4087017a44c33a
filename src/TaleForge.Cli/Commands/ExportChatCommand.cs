using System.CommandLine;
using System.Text;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Export;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge export chat TRAJECTORY --out FILE.jsonl</c>: a played game as a SillyTavern chat file.</summary>
internal static class ExportChatCommand
{
    public static Command Create()
    {
        var trajectory = new Argument<string>("trajectory") { Description = "The trajectory of the game (a save's .jsonl, or one written by play or simulate)." };
        var output = new Option<string>("--out", "-o") { Description = "The chat file to write (.jsonl).", Required = true };
        var character = new Option<string?>("--character", "-c") { Description = "The id of the character the chat is with. Default: the first other character who acts." };
        var world = new Option<string?>("--world") { Description = "The world folder, when not where the trajectory's header says (its hash must match)." };
        var command = new Command("chat", "Export a played game as a SillyTavern chat file (.jsonl), to go on with the story there.")
        {
            trajectory, output, character, world,
        };
        command.SetAction(async (parse, _) =>
        {
            var file = TrajectoryFile.Read(parse.GetValue(trajectory)!);
            var definition = RecordedWorld.Of(file).Open(parse.GetValue(world)).Definition;
            var lines = SillyTavernChat.Lines(file, definition, parse.GetValue(character));
            var text = string.Concat(lines.Select(l => ExportCardCommand.Json(l) + "\n"));
            var target = parse.GetValue(output)!;
            ExportFile.Write(target, Encoding.UTF8.GetBytes(text));
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote a chat of {lines.Count - 1} messages with {lines[0]["character_name"]} to {target}");
            return 0;
        });
        return command;
    }
}

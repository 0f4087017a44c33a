using System.CommandLine;
using TaleForge.Content.Format;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge schema</c>: the JSON Schema of world files, for editors (yaml-language-server) and tools; <c>schema trajectory</c>: of trajectory lines.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var trajectory = new Command("trajectory", "Print the JSON Schema (draft-07) of a trajectory line: header, event, call and checkpoint records.");
        trajectory.SetAction(async (parse, _) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(TrajectorySchema.Export());
            return 0;
        });
        var command = new Command("schema", "Print the JSON Schema (draft-07) of the world format. Point an editor at it with a '# yaml-language-server: $schema=PATH' first line.")
        {
            trajectory,
        };
        command.SetAction(async (parse, _) =>
        {
            await parse.InvocationConfiguration.Output.WriteAsync(SchemaExporter.Export());
            return 0;
        });
        return command;
    }
}
